/**
 * One-time setup of a checkout: the Python virtualenv with the `dvc` CLI (and the S3 server
 * the tests push to) and migrations on the configured database. Safe to run again; it skips
 * what is done. `deno task setup` runs `deno install` (npm packages) first: this Deno's own
 * path is not one `--allow-run` can name in deno.json (docs/permissions.md).
 */
import { existsSync } from "node:fs";
import { configEnv, databaseVariables } from "../src/cli.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";

const root = new URL("..", import.meta.url).pathname;
const venvPython = `${root}.venv/bin/python`;

async function run(command: string, args: string[]): Promise<void> {
  const { code } = await new Deno.Command(command, {
    args,
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  })
    .output();
  if (code !== 0) {
    throw new Error(`Setup failed: \`${command} ${args.join(" ")}\` exited with ${code}`);
  }
}

async function step(title: string, action: () => Promise<void>): Promise<void> {
  const started = performance.now();
  console.log(`• ${title}...`);
  await action();
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Creates `.venv` (if needed) and installs the pinned Python tools, the `dvc` CLI first. */
export async function installPythonTools(): Promise<void> {
  if (!existsSync(venvPython)) await run("python3", ["-m", "venv", ".venv"]);
  await pipInstall("scripts/requirements.txt");
  await run(`${root}.venv/bin/dvc`, ["--version"]);
}

function pipInstall(requirements: string): Promise<void> {
  return run(venvPython, [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "-r",
    requirements,
  ]);
}

if (import.meta.main) {
  await step("Python virtualenv with the dvc CLI (.venv)", installPythonTools);
  await step(
    "the tests' Python tools (moto's S3 server, schemathesis, into .venv)",
    () => pipInstall("tests/requirements.txt"),
  );
  await step("database migrations", async () => {
    const database = await openDatabase(loadConfig(configEnv(databaseVariables)));
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
  });
  console.log("Setup complete. Next: `deno task start` or `deno task test`.");
}
