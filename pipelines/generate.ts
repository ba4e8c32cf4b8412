/**
 * Step 1: seeded synthetic tickets and customers written into Postgres.
 *   deno task generate [--tickets 20000] [--customers 10000] [--seed 42] [--drifted]
 */
import { parseArgs } from "node:util";
import type { Database } from "../src/db/client.ts";
import { insertTickets } from "../src/db/repositories/tickets.ts";
import { upsertCustomers } from "../src/db/repositories/customers.ts";
import { generateCustomers } from "../src/data/customer_generator.ts";
import { generateTickets } from "../src/data/ticket_generator.ts";
import { runMain, withDatabase } from "../src/cli.ts";
import { generationFlags, generationOptions } from "./generation_flags.ts";

/** What to generate. `drifted` draws a shifted population (monitoring demos and tests). */
export interface GenerateOptions {
  tickets: number;
  customers: number;
  seed: number;
  drifted: boolean;
}

/** Generates and ingests; re-running with the same seed inserts nothing new. */
export async function generate(
  db: Database,
  options: GenerateOptions,
): Promise<{ tickets: number; customers: number }> {
  const tickets = generateTickets({
    count: options.tickets,
    seed: options.seed,
    drifted: options.drifted,
  });
  const inserted = await insertTickets(
    db,
    tickets.map((ticket) => ({ ...ticket, source: "synthetic" as const })),
  );
  const customers = generateCustomers({
    count: options.customers,
    seed: options.seed,
    drifted: options.drifted,
  });
  await upsertCustomers(db, customers);
  return { tickets: inserted.length, customers: customers.length };
}

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { ...generationFlags, drifted: { type: "boolean", default: false } },
    });
    const options = { ...generationOptions(values), drifted: values.drifted };
    const result = await withDatabase((db) => generate(db, options));
    console.log(
      `Generated ${options.tickets} tickets (${result.tickets} new) and ${result.customers} customers` +
        ` (seed ${options.seed}${options.drifted ? ", drifted" : ""})`,
    );
  });
}
