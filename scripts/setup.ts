/**
 * One-time setup of a checkout: the Python virtualenv with the `dvc` CLI (and the S3 server
 * the tests push to) and migrations on the configured database. Safe to run again; it skips
 * what is done. `deno task setup` runs `deno install` (npm packages) first: this Deno's own
 * path is not one `--allow-run` can name in deno.json (docs/permissions.md).
 */
import { loadConfig, readEnvironment } from "../src/shared/config.ts";
import { installDvcCli, pipInstall } from "../src/dvc/mod.ts";
import { databaseVariables } from "../src/cli_database.ts";
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
  await step("database migrations", async () => {
    const database = await openDatabase(loadConfig(readEnvironment(databaseVariables)));
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
  });
  console.log("Setup complete. Next: `deno task start` or `deno task test`.");
}
