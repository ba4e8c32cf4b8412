/** Applies pending migrations to the configured database (PGlite by default). */
import { configEnv, databaseVariables, runMain } from "../src/cli.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";

if (import.meta.main) {
  await runMain(async () => {
    const config = loadConfig(configEnv(databaseVariables));
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
