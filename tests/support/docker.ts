/** The Docker CLI, for the tests that build and run the image with a real engine. */
import { run } from "./workspace.ts";

/** Runs `docker args`; throws with its stderr when it fails. Returns its stdout. */
export function docker(args: string[]): Promise<string> {
  return run(Deno.cwd(), "docker", args);
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
