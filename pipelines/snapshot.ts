/**
 * Step 3: export the labelled training set from Postgres to `data/` and version it with
 * `dvc add data` (writes `data.dvc`); prints the data hash.
 *   deno task snapshot
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "../src/db/client.ts";
import { listCustomersWithFeatures } from "../src/db/repositories/customers.ts";
import { listTicketsWithFeatures } from "../src/db/repositories/tickets.ts";
import { dvcFileHash, runDvc } from "../src/dvc/cli.ts";
import type { CustomerRow } from "../src/models/churn/model.ts";
import type { TicketRow } from "../src/models/ticket_triage/model.ts";
import { runMain, withDatabase } from "../src/cli.ts";

const jsonLines = (rows: readonly unknown[]) =>
  rows.map((row) => JSON.stringify(row)).join("\n") + "\n";

/** Labelled tickets with computed features, in id order. */
async function ticketRows(db: Database): Promise<TicketRow[]> {
  const tickets = await listTicketsWithFeatures(db);
  return tickets.filter((t) => t.topic && t.urgency && t.features).map((t) => ({
    id: t.id,
    subject: t.subject,
    body: t.body,
    channel: t.channel,
    language: t.features!.language,
    topic: t.topic!,
    urgency: t.urgency!,
    created_at: t.createdAt.toISOString(),
  }));
}

/** Customers with a known outcome and computed features, in id order. */
async function customerRows(db: Database): Promise<CustomerRow[]> {
  const customers = await listCustomersWithFeatures(db);
  return customers.filter((c) => c.churned !== null && c.features).map((c) => ({
    id: c.id,
    ...(c.features!.features as unknown as Omit<CustomerRow, "id" | "churned">),
    churned: c.churned ? 1 : 0,
  }));
}

/** Writes the labelled training set to `data/*.jsonl` under `root`; returns the counts. */
export async function exportTrainingSet(
  db: Database,
  root: string,
): Promise<{ tickets: number; customers: number }> {
  const [tickets, customers] = [await ticketRows(db), await customerRows(db)];
  if (tickets.length === 0 && customers.length === 0) {
    throw new Error("Nothing to snapshot: no labelled rows with features (run generate, features)");
  }
  const dataDir = join(root, "data");
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, "tickets.jsonl"), jsonLines(tickets));
  await writeFile(join(dataDir, "customers.jsonl"), jsonLines(customers));
  return { tickets: tickets.length, customers: customers.length };
}

/** Exports the training set, runs `dvc add data`, returns counts and the data hash. */
export async function snapshot(
  db: Database,
  root: string,
): Promise<{ tickets: number; customers: number; dataHash: string }> {
  const counts = await exportTrainingSet(db, root);
  await runDvc(root, ["add", "--quiet", "data"]);
  return { ...counts, dataHash: await dvcFileHash(join(root, "data.dvc")) };
}

if (import.meta.main) {
  await runMain(async () => {
    const result = await withDatabase((db) => snapshot(db, Deno.cwd()));
    console.log(
      `Snapshot: ${result.tickets} tickets, ${result.customers} customers -> data/ (data.dvc md5 ${result.dataHash})`,
    );
  });
}
