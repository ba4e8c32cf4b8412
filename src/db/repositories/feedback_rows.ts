import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { fromJsonb } from "./keyset_pages.ts";

/** A prediction that received feedback: its input, the labels given and the champion's answers. */
export interface CorrectedPrediction {
  predictionId: string;
  /** The version that answered: the one the feedback corrected (or confirmed). */
  modelVersion: string;
  input: Record<string, unknown>;
  createdAt: Date;
  /** Head to the label sent on `/v1/feedback`. */
  feedback: Record<string, string>;
  /** Head to the champion's label. */
  predicted: Record<string, string>;
}

/**
 * Every prediction of `modelName` with feedback on at least one head, oldest first, with the
 * champion's labels beside the feedback (challenger outputs are ignored).
 */
export async function listCorrectedPredictions(
  db: Database,
  modelName: string,
): Promise<CorrectedPrediction[]> {
  const result = await db.execute(sql`
    select r.id::text as "predictionId", r.model_version as "modelVersion", r.input as "input",
      r.created_at as "createdAt",
      (select jsonb_object_agg(f.head, f.label) from feedback f where f.prediction_id = r.id)
        as "feedback",
      (select jsonb_object_agg(o.head, o.label) from prediction_outputs o
        where o.prediction_id = r.id and o.role = 'champion') as "predicted"
    from prediction_requests r
    where r.model_name = ${modelName}
      and exists (select 1 from feedback f where f.prediction_id = r.id)
    order by r.created_at, r.id`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => ({
    predictionId: String(row.predictionId),
    modelVersion: String(row.modelVersion),
    input: fromJsonb(row.input as Record<string, unknown>),
    createdAt: new Date(row.createdAt as string),
    feedback: fromJsonb(row.feedback as Record<string, string>),
    predicted: fromJsonb((row.predicted ?? {}) as Record<string, string>),
  }));
}
