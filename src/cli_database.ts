/** The database of a command-line entry (`pipelines/`, `scripts/`), opened from its variables. */
import { type Config, loadConfig, readEnvironment } from "./shared/config.ts";
import { type Database, openDatabase } from "./db/mod.ts";

/** The variables that name and reach the database: what a command that only opens it reads. */
export const databaseVariables = [
  "DATABASE_URL",
  "DATABASE_WS_PROXY",
  "PGLITE_DIR",
  "PGLITE_TEMPLATE_DIR",
] as const satisfies readonly (keyof Config)[];

/** Opens the configured database (migrated) for the duration of `action`. */
export async function withDatabase<T>(action: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig(readEnvironment(databaseVariables)));
  try {
    await database.migrate();
    return await action(database.db);
  } finally {
    await database.close();
  }
}
