import { desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client.ts";
import { predictionOutputs, predictionRequests } from "../schema.ts";
import { chunked } from "./chunked.ts";

export type NewPredictionRequest = typeof predictionRequests.$inferInsert & { id: string };
export type NewPredictionOutput = Omit<typeof predictionOutputs.$inferInsert, "predictionId">;
export type PredictionRequest = typeof predictionRequests.$inferSelect;
export type PredictionOutput = typeof predictionOutputs.$inferSelect;

/** One scored instance: the request row and every output it produced. */
export interface PredictionLogEntry {
  request: NewPredictionRequest;
  outputs: readonly NewPredictionOutput[];
}

/**
 * Writes requests and their outputs in one transaction: either a whole batch lands
 * or nothing does, so a request never exists without its outputs. Ids are chosen by
 * the caller (the API returns them before the write happens); entries whose id is
 * already stored are skipped, which makes retrying a batch after a failure safe.
 */
export function logPredictions(
  db: Database,
  entries: readonly PredictionLogEntry[],
): Promise<void> {
  return db.transaction(async (tx) => {
    for (const batch of chunked(entries, 200)) {
      const inserted = await tx.insert(predictionRequests)
        .values(batch.map((entry) => entry.request))
        .onConflictDoNothing({ target: predictionRequests.id })
        .returning({ id: predictionRequests.id });
      const fresh = new Set(inserted.map((row) => row.id));
      const outputs = batch.filter((entry) => fresh.has(entry.request.id))
        .flatMap((entry) =>
          entry.outputs.map((output) => ({ ...output, predictionId: entry.request.id }))
        );
      for (const chunk of chunked(outputs)) await tx.insert(predictionOutputs).values(chunk);
    }
  });
}

/** A logged prediction with its outputs, or undefined for an unknown id. */
export async function findPrediction(
  db: Database,
  id: string,
): Promise<(PredictionRequest & { outputs: PredictionOutput[] }) | undefined> {
  const [request] = await db.select().from(predictionRequests)
    .where(eq(predictionRequests.id, id));
  if (!request) return undefined;
  const outputs = await db.select().from(predictionOutputs)
    .where(eq(predictionOutputs.predictionId, id));
  return { ...request, outputs };
}

/** Which of the given prediction ids are stored (used to check nothing was lost). */
export async function existingPredictionIds(
  db: Database,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunked(ids, 1000)) {
    const rows = await db.select({ id: predictionRequests.id }).from(predictionRequests)
      .where(inArray(predictionRequests.id, chunk));
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** The most recent prediction logged for a ticket, with its outputs. */
export async function findLatestTicketPrediction(
  db: Database,
  ticketId: string,
): Promise<(PredictionRequest & { outputs: PredictionOutput[] }) | undefined> {
  const [latest] = await db.select({ id: predictionRequests.id }).from(predictionRequests)
    .where(eq(predictionRequests.ticketId, ticketId))
    .orderBy(desc(predictionRequests.createdAt)).limit(1);
  return latest && findPrediction(db, latest.id);
}
