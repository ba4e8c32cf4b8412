/** Runs a command in `cwd`; throws with its stderr when it fails. Returns stdout. */
export async function run(cwd: string, command: string, args: string[]): Promise<string> {
  const output = await new Deno.Command(command, { args, cwd, stdout: "piped", stderr: "piped" })
    .output();
  const decoder = new TextDecoder();
  if (output.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed: ${decoder.decode(output.stderr)}`);
  }
  return decoder.decode(output.stdout);
}

/** A fresh git repository in a temporary directory (DVC projects live in git). */
export async function tempGitRepo(prefix: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix });
  await run(dir, "git", ["init", "--quiet"]);
  await run(dir, "git", ["config", "user.email", "tests@example.com"]);
  await run(dir, "git", ["config", "user.name", "tests"]);
  return dir;
}
