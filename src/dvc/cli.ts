import { existsSync } from "node:fs";
import { join } from "node:path";
import { readDvcFile, singleOut } from "./dvc_file.ts";

const projectVenvDvc = new URL("../../.venv/bin/dvc", import.meta.url).pathname;

/** The `dvc` executable: the project's `.venv` (made by `deno task setup`), else PATH. */
export function dvcExecutable(): string {
  return existsSync(projectVenvDvc) ? projectVenvDvc : "dvc";
}

/** A `dvc` command that failed; the message carries its stderr. */
export class DvcError extends Error {
  constructor(args: readonly string[], code: number, stderr: string) {
    super(`\`dvc ${args.join(" ")}\` failed (exit ${code}): ${stderr.trim()}`);
    this.name = "DvcError";
  }
}

/** Runs `dvc` in `cwd` and returns its stdout; throws {@link DvcError} on failure. */
export async function runDvc(cwd: string, args: readonly string[]): Promise<string> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(dvcExecutable(), {
      args: [...args],
      cwd,
      stdout: "piped",
      stderr: "piped",
      env: { DVC_NO_ANALYTICS: "1" },
    }).output();
  } catch (error) {
    throw new Error(`Cannot run dvc (run \`deno task setup\` to install it): ${error}`);
  }
  const decoder = new TextDecoder();
  if (output.code !== 0) throw new DvcError(args, output.code, decoder.decode(output.stderr));
  return decoder.decode(output.stdout);
}

/** The md5 recorded in a `.dvc` file (for a directory, the hash of its `.dir` manifest). */
export async function dvcFileHash(path: string): Promise<string> {
  return singleOut(await readDvcFile(path)).md5;
}

/**
 * Makes `root` a DVC project whose default remote is `remoteUrl`. A new project gets it in
 * `.dvc/config`; in an existing one, whose committed `.dvc/config` names the team's remote, it
 * goes to the git-ignored `.dvc/config.local`, so a run never changes a committed file.
 */
export async function ensureDvcProject(root: string, remoteUrl: string): Promise<void> {
  const created = !existsSync(join(root, ".dvc"));
  if (created) await runDvc(root, ["init", "--quiet"]);
  const level = created ? [] : ["--local"];
  await runDvc(root, ["remote", "add", ...level, "--default", "--force", "storage", remoteUrl]);
}
