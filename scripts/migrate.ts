/** Applies pending migrations to the configured database (PGlite by default). */
import { runMain } from "../pipelines/cli.ts";
import { loadConfig } from "../src/shared/config.ts";
import { openDatabase } from "../src/db/mod.ts";

if (import.meta.main) {
  await runMain(async () => {
    const config = loadConfig(Deno.env.toObject());
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
