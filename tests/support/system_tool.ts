/**
 * A system tool some tests need (kubectl). Where it is missing such a test is reported as
 * ignored, with the reason, on a developer's machine; in CI (`CI=true`, as .ci/run runs) it runs
 * and fails instead, so a missing install step can never pass as a green run.
 */

/** Why `command args` cannot run here, or undefined when it runs. */
export async function toolMissing(command: string, args: string[]): Promise<string | undefined> {
  try {
    const output = await new Deno.Command(command, { args, stdout: "null", stderr: "piped" })
      .output();
    return output.success
      ? undefined
      : `\`${command} ${args.join(" ")}\` failed: ${
        new TextDecoder().decode(output.stderr).trim()
      }`;
  } catch (error) {
    return error instanceof Deno.errors.NotFound ? `no ${command} on PATH` : String(error);
  }
}

const inCi = () => Deno.env.get("CI") === "true";

/** A test's `ignore`: true (with a warning naming `test`) when the tool is missing, outside CI. */
export function ignoredWithout(test: string, missing: string | undefined): boolean {
  if (!missing || inCi()) return false;
  console.warn(`${test}: ignored: ${missing}`);
  return true;
}

/** First line of such a test: throws, in CI, when its tool is missing. */
export function assertToolPresent(missing: string | undefined): void {
  if (missing) throw new Error(`${missing} (CI=true: a test whose tool is missing fails)`);
}
