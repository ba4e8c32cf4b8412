import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const requirements = fileURLToPath(new URL("./requirements.txt", import.meta.url));

/** Runs one install command in the project root, its output shown; throws when it fails. */
export async function runInstallStep(command: string, args: readonly string[]): Promise<void> {
  const { code } = await new Deno.Command(command, {
    args: [...args],
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) {
    throw new Error(`Setup failed: \`${command} ${args.join(" ")}\` exited with ${code}`);
  }
}

/** `pip install -r <file>` into the project's `.venv`, quietly. */
export function pipInstall(requirementsFile: string): Promise<void> {
  return runInstallStep(`${root}.venv/bin/python`, [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "-r",
    requirementsFile,
  ]);
}

/**
 * Creates the project's `.venv` (if needed) and installs the pinned `dvc` CLI into it
 * (`requirements.txt` beside this file), then checks that it runs.
 */
export async function installDvcCli(): Promise<void> {
  if (!existsSync(`${root}.venv/bin/python`)) {
    await runInstallStep("python3", ["-m", "venv", ".venv"]);
  }
  await pipInstall(requirements);
  await runInstallStep(`${root}.venv/bin/dvc`, ["--version"]);
}
