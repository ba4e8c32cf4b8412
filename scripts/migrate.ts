/** Applies pending migrations to the configured database (PGlite by default). */
import { runMain } from "../src/cli.ts";
import { databaseVariables } from "../src/cli_database.ts";
import { loadConfig, readEnvironment } from "../src/shared/config.ts";
import { openDatabase } from "../src/db/mod.ts";

if (import.meta.main) {
  await runMain(async () => {
    const config = loadConfig(readEnvironment(databaseVariables));
    const database = await openDatabase(config);
    try {
      await database.migrate();
      const where = database.kind === "pglite" ? config.PGLITE_DIR : "DATABASE_URL";
      console.log(`Migrations applied (${database.kind}, ${where})`);
    } finally {
      await database.close();
    }
  });
}
