/**
 * Step 3: export the labelled training set from Postgres to `data/`, with the rows production
 * feedback made (`feedback_tickets.jsonl`) and the models' hand-written evaluation sets, and version it with `dvc add data` (writes `data.dvc`);
 * prints the data hash.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dvcFileHash, runDvc } from "../dvc/mod.ts";
import {
  type Database,
  listCorrectedPredictions,
  listCustomersWithFeatures,
  listTicketsWithFeatures,
} from "../db/mod.ts";
import { topics, urgencies } from "../domain/ticket.ts";
import { detectLanguage } from "../models/ticket_triage/text_features.ts";
import type { CustomerRow } from "../models/churn/model.ts";
import type { TicketRow } from "../models/ticket_triage/model.ts";
import { holdoutSets, trainingEntry } from "../models/training_catalog.ts";

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

/** A ticket row made of production feedback, with where its labels came from. */
export interface FeedbackTicketRow extends TicketRow {
  provenance: {
    source: "feedback";
    prediction_id: string;
    /** The version whose answer the feedback corrected or confirmed. */
    model_version: string;
    /** Heads whose label came from feedback; the others keep the answer nobody corrected. */
    corrected: string[];
  };
}

/**
 * Ticket-triage predictions with feedback as training rows: a head's label is the one sent on
 * `/v1/feedback`, or, for a head nobody corrected, the answer the version gave (agents fix
 * the wrong field and leave the right one).
 */
async function feedbackTicketRows(db: Database): Promise<FeedbackTicketRow[]> {
  const predictions = await listCorrectedPredictions(db, "ticket-triage");
  return predictions.flatMap((p) => {
    const { subject, body, channel } = p.input as Record<string, unknown>;
    const topic = p.feedback.topic ?? p.predicted.topic;
    const urgency = p.feedback.urgency ?? p.predicted.urgency;
    if (typeof subject !== "string" || typeof body !== "string") return [];
    if (!(topics as readonly string[]).includes(topic)) return [];
    if (!(urgencies as readonly string[]).includes(urgency)) return [];
    return [{
      id: `feedback-${p.predictionId}`,
      subject,
      body,
      channel: (typeof channel === "string" ? channel : "portal") as TicketRow["channel"],
      language: detectLanguage(`${subject} ${body}`),
      topic,
      urgency,
      created_at: p.createdAt.toISOString(),
      provenance: {
        source: "feedback",
        prediction_id: p.predictionId,
        model_version: p.modelVersion,
        corrected: Object.keys(p.feedback).sort(),
      },
    }];
  });
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
  const corrected = await feedbackTicketRows(db);
  const feedbackFile = trainingEntry("ticket-triage").feedbackDataFile!;
  await writeFile(join(dataDir, feedbackFile), corrected.length ? jsonLines(corrected) : "");
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
