/**
 * Step 3: export the labelled training set from Postgres to `data/`, with the models'
 * hand-written evaluation sets, and version it with `dvc add data` (writes `data.dvc`);
 * prints the data hash.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dvcFileHash, runDvc } from "../dvc/mod.ts";
import { type Database, listCustomersWithFeatures, listTicketsWithFeatures } from "../db/mod.ts";
import type { CustomerRow } from "../models/churn/model.ts";
import type { TicketRow } from "../models/ticket_triage/model.ts";
import { holdoutSets } from "../models/training_catalog.ts";

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
  await copyHoldoutSets(root);
  return { tickets: tickets.length, customers: customers.length };
}

/**
 * Copies each model's hand-kept evaluation set from git into `data/`, so `dvc add data`
 * versions it (its own md5 in the directory manifest) next to the training files. A checkout
 * without the source (a workspace of pulled data only) keeps what `data/` has.
 */
async function copyHoldoutSets(root: string): Promise<void> {
  for (const { source, file } of holdoutSets) {
    await copyFile(join(root, source), join(root, "data", file)).catch((error) => {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
    });
  }
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
