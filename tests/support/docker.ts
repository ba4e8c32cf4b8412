/** The Docker CLI, for the tests that build and run the image with a real engine. */

/** Runs `docker args`; throws with what it printed when it fails. Returns its stdout. */
export async function docker(args: string[]): Promise<string> {
  const output = await new Deno.Command("docker", { args, stdout: "piped", stderr: "piped" })
    .output();
  const decoder = new TextDecoder();
  if (output.code !== 0) {
    const printed = decoder.decode(output.stdout) + decoder.decode(output.stderr);
    throw new Error(`docker ${args.join(" ")} failed (${output.code}):\n${printed}`);
  }
  return decoder.decode(output.stdout);
}

/** Why no engine answers (no CLI, no daemon), or undefined when one does. */
export async function dockerEngineMissing(): Promise<string | undefined> {
  try {
    await docker(["info", "--format", "{{.ServerVersion}}"]);
    return undefined;
  } catch (error) {
    return error instanceof Deno.errors.NotFound ? "no docker CLI on PATH" : String(error);
  }
}

/** Whether the engine has the image `ref` locally. */
export async function hasImage(ref: string): Promise<boolean> {
  return await docker(["image", "inspect", ref]).then(() => true, () => false);
}
