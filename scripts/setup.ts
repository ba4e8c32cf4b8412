/**
 * One-time setup of a checkout: the Python virtualenv with the `dvc` CLI (and the S3 server
 * the tests push to), npm packages, and migrations on the configured database. Safe to run
 * again; it skips what is done.
 */
import { loadConfig } from "../src/shared/config.ts";
import { installDvcCli, pipInstall, runInstallStep } from "../src/dvc/mod.ts";
import { openDatabase } from "../src/db/mod.ts";

async function step(title: string, action: () => Promise<void>): Promise<void> {
  const started = performance.now();
  console.log(`• ${title}...`);
  await action();
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.main) {
  await step("Python virtualenv with the dvc CLI (.venv)", installDvcCli);
  await step(
    "the tests' Python tools (moto's S3 server, schemathesis, into .venv)",
    () => pipInstall("tests/requirements.txt"),
  );
  await step("npm packages (node_modules)", () => runInstallStep(Deno.execPath(), ["install"]));
  await step("database migrations", async () => {
    const database = await openDatabase(loadConfig(Deno.env.toObject()));
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
  });
  console.log("Setup complete. Next: `deno task start` or `deno task test`.");
}
