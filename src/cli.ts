/**
 * Plumbing shared by the command-line entries (`pipelines/`, `scripts/`): the environment a
 * command's configuration is read from, its database, how it fails, and flag parsing.
 */
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

/** Runs a command's main: an expected failure prints its message and exits 1, no stack. */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : error}`);
    Deno.exit(1);
  }
}

/** Parses a positive integer flag or fails naming it. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`--${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}
