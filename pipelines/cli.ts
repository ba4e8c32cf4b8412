import { loadConfig } from "../src/shared/config.ts";
import { type Database, openDatabase } from "../src/db/mod.ts";

/** Opens the configured database (migrated) for the duration of `action`. */
export async function withDatabase<T>(action: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig(Deno.env.toObject()));
  try {
    await database.migrate();
    return await action(database.db);
  } finally {
    await database.close();
  }
}

/** Runs a pipeline's main: an expected failure prints its message and exits 1, no stack. */
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

/** The flags of the data-generation steps, shared by `generate` and `pipeline`. */
export const generationFlags = {
  tickets: { type: "string" },
  customers: { type: "string" },
  seed: { type: "string" },
} as const;

/** Parsed {@link generationFlags} with the embedded defaults (20k tickets, 10k customers, 42). */
export function generationOptions(
  values: { tickets?: string; customers?: string; seed?: string },
): { tickets: number; customers: number; seed: number } {
  return {
    tickets: positiveInt("tickets", values.tickets, 20_000),
    customers: positiveInt("customers", values.customers, 10_000),
    seed: positiveInt("seed", values.seed, 42),
  };
}
