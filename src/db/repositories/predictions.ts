import { desc, eq, inArray, sql } from "drizzle-orm";
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
 * Writes requests and their outputs as ONE statement (a data-modifying CTE): either a whole
 * batch lands or nothing does, so a request never exists without its outputs. A single
 * statement is atomic without BEGIN/COMMIT, so a connection lost mid-write cannot strand a
 * pooled client inside a transaction. Ids are chosen by the caller (the API returns them
 * before the write happens); entries whose id is already stored are skipped, which makes
 * retrying a batch after a failure safe. Rows travel as two JSON parameters.
 */
export async function logPredictions(
  db: Database,
  entries: readonly PredictionLogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const requests = entries.map(({ request }) => ({
    id: request.id,
    request_id: request.requestId,
    model_name: request.modelName,
    model_version: request.modelVersion,
    input: request.input,
    latency_ms: request.latencyMs,
    ticket_id: request.ticketId ?? null,
    customer_id: request.customerId ?? null,
    created_at: request.createdAt ?? null,
  }));
  const outputs = entries.flatMap(({ request, outputs }) =>
    outputs.map((output) => ({
      prediction_id: request.id,
      role: output.role,
      model_version: output.modelVersion,
      head: output.head,
      label: output.label,
      confidence: output.confidence,
      scores: output.scores,
      created_at: output.createdAt ?? null,
    }))
  );
  await db.execute(sql`
    with inserted as (
      insert into prediction_requests
        (id, request_id, model_name, model_version, input, latency_ms, ticket_id, customer_id,
         created_at)
      select r.id, r.request_id, r.model_name, r.model_version, r.input, r.latency_ms,
        r.ticket_id, r.customer_id, coalesce(r.created_at, now())
      from jsonb_to_recordset(${JSON.stringify(requests)}::jsonb) as r(
        id uuid, request_id text, model_name text, model_version text, input jsonb,
        latency_ms real, ticket_id uuid, customer_id text, created_at timestamptz)
      on conflict (id) do nothing
      returning id
    )
    insert into prediction_outputs
      (prediction_id, role, model_version, head, label, confidence, scores, created_at)
    select o.prediction_id, o.role, o.model_version, o.head, o.label, o.confidence, o.scores,
      coalesce(o.created_at, now())
    from jsonb_to_recordset(${JSON.stringify(outputs)}::jsonb) as o(
      prediction_id uuid, role text, model_version text, head text, label text,
      confidence real, scores jsonb, created_at timestamptz)
    where o.prediction_id in (select id from inserted)`);
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
    // Rows written in one batch share created_at; ids are UUIDv7, time-ordered, to break it.
    .orderBy(desc(predictionRequests.createdAt), desc(predictionRequests.id)).limit(1);
  return latest && findPrediction(db, latest.id);
}
