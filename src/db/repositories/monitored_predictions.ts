import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { fromJsonb, keysetPages } from "./keyset_pages.ts";
import type { LabelledWindow } from "./labelled_predictions.ts";

/** One logged request of the window with the champion's answer per head. */
export interface MonitoredPrediction {
  predictionId: string;
  /** The request's input as logged (JSON; not re-validated). */
  input: Record<string, unknown>;
  latencyMs: number;
  /** Head name to the champion's label and confidence. */
  outputs: Record<string, { label: string; confidence: number }>;
}

interface PageRow extends MonitoredPrediction {
  /** `created_at` to the microsecond, as UTC text: the page's cursor. */
  cursor: string;
}

/** The default number of requests a page holds. */
export const defaultMonitoredPageSize = 1_000;

/**
 * Streams the window's logged requests (one served version, created in [start, end)) page
 * by page, each with its champion outputs, in (created_at, id) order. Keyset pagination as
 * in labelledPredictionPages: one pass over the window, one page in memory.
 */
export async function* monitoredPredictionPages(
  db: Database,
  window: LabelledWindow,
  pageSize = defaultMonitoredPageSize,
): AsyncGenerator<MonitoredPrediction[]> {
  const pages = keysetPages<PageRow>(
    db,
    "predictions",
    pageSize,
    (after) => pageQuery(window, pageSize, after),
    (row) => `${row.cursor} ${row.predictionId}`,
  );
  for await (const rows of pages) {
    yield rows.map(({ predictionId, input, latencyMs, outputs }) => ({
      predictionId,
      input: fromJsonb(input),
      latencyMs: Number(latencyMs),
      outputs: fromJsonb(outputs) ?? {},
    }));
  }
}

function pageQuery(window: LabelledWindow, pageSize: number, after: PageRow | undefined) {
  const keyset = after
    ? sql`and r.created_at >= ${after.cursor}::timestamptz
        and (r.created_at, r.id) > (${after.cursor}::timestamptz, ${after.predictionId}::uuid)`
    : sql``;
  // Driven by prediction_requests_model_created_at_id_idx, in its order; the outputs by their primary key.
  return sql`
    select r.id::text as "predictionId", r.input as "input", r.latency_ms as "latencyMs",
      (select jsonb_object_agg(o.head, jsonb_build_object('label', o.label,
          'confidence', o.confidence))
        from prediction_outputs o
        where o.prediction_id = r.id and o.role = 'champion') as "outputs",
      to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor"
    from prediction_requests r
    where r.model_name = ${window.modelName} and r.model_version = ${window.modelVersion}
      and r.created_at >= ${window.start.toISOString()}::timestamptz
      and r.created_at < ${window.end.toISOString()}::timestamptz
      ${keyset}
    order by r.created_at, r.id
    limit ${pageSize}`;
}
