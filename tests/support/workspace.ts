import { dirname, join } from "node:path";

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

/**
 * Copies the files git tracks in `root` (all, or those under `paths`) into `into`, as a clean
 * checkout would have them: nothing a local run left untracked. Returns their paths.
 */
export async function copyTracked(root: string, into: string, paths: string[] = []) {
  const listed = await run(root, "git", ["ls-files", "-z", "--", ...paths]);
  const files = listed.split("\0").filter(Boolean);
  for (const path of files) {
    const from = join(root, path);
    const to = join(into, path);
    let info: Deno.FileInfo;
    try {
      info = await Deno.lstat(from);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) continue; // Deleted but not yet staged.
      throw error;
    }
    await Deno.mkdir(dirname(to), { recursive: true });
    if (info.isSymlink) await Deno.symlink(await Deno.readLink(from), to);
    else await Deno.copyFile(from, to);
  }
  return files;
}
