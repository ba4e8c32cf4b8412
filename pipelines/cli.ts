import { loadConfig } from "../src/shared/config.ts";
import { type Database, openDatabase } from "../src/db/mod.ts";
import { positiveInt } from "./run_main.ts";

export { positiveInt, runMain } from "./run_main.ts";

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
