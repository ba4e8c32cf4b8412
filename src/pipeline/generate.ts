/**
 * Step 1: seeded synthetic tickets and customers written into Postgres.
 */
import { type Database, insertTickets, upsertCustomers } from "../db/mod.ts";
import { generateCustomers } from "./synthetic/customer_generator.ts";
import { generateTickets } from "./synthetic/ticket_generator.ts";

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
