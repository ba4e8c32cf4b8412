import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { fromJsonb, keysetPages } from "./keyset_pages.ts";

/** Which labelled predictions to read: one served version of a model, predicted in [start, end). */
export interface LabelledWindow {
  modelName: string;
  /** The champion's version: its outputs are the ones compared with the feedback. */
  modelVersion: string;
  /** Inclusive, on the prediction's `created_at`. */
  start: Date;
  /** Exclusive. */
  end: Date;
}

/** One feedback row beside what the champion answered for that prediction and head. */
export interface LabelledPrediction {
  predictionId: string;
  head: string;
  /** The label the client sent back as the truth. */
  truth: string;
  /** The champion's label. */
  predicted: string;
  /** The champion's probability of every class. */
  scores: Record<string, number>;
}

interface PageRow extends LabelledPrediction {
  /** The prediction's `created_at` to the microsecond, as text: the page's cursor. */
  cursor: string;
}

/** The default number of rows a page holds: a few hundred kilobytes of JSON at most. */
export const defaultLabelledPageSize = 2_000;

/**
 * Streams the window's labelled predictions page by page: each feedback row joined with the
 * champion's output for the same prediction and head (challenger outputs are ignored), in
 * (created_at, prediction id, head) order. Keyset pagination, not OFFSET: each page starts
 * where the last ended, so reading a window of millions of rows costs one pass over it and
 * holds one page in memory. Runs on PGlite and on Postgres alike; no transaction is held.
 */
export async function* labelledPredictionPages(
  db: Database,
  window: LabelledWindow,
  pageSize = defaultLabelledPageSize,
): AsyncGenerator<LabelledPrediction[]> {
  const pages = keysetPages<PageRow>(
    db,
    "labelled predictions",
    pageSize,
    (after) => pageQuery(window, pageSize, after),
    keyOf,
  );
  for await (const rows of pages) {
    yield rows.map(({ predictionId, head, truth, predicted, scores }) => ({
      predictionId,
      head,
      truth,
      predicted,
      scores: fromJsonb(scores),
    }));
  }
}

const keyOf = (row: PageRow) => `${row.cursor} ${row.predictionId} ${row.head}`;

function pageQuery(window: LabelledWindow, pageSize: number, after: PageRow | undefined) {
  // A JS Date keeps milliseconds only; the cursor is the stored microseconds as UTC text so
  // rows sharing a millisecond are neither skipped nor read twice.
  const keyset = after
    ? sql`and r.created_at >= ${after.cursor}::timestamptz
        and (r.created_at, r.id, f.head) > (${after.cursor}::timestamptz, ${after.predictionId}::uuid, ${after.head})`
    : sql``;
  // Driven by prediction_requests_model_created_at_id_idx (model, version, created_at, id); feedback
  // and the champion's output are found by their keys on the prediction id.
  return sql`
    select f.prediction_id::text as "predictionId", f.head as "head", f.label as "truth",
      o.label as "predicted", o.scores as "scores",
      to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor"
    from prediction_requests r
    join feedback f on f.prediction_id = r.id
    join prediction_outputs o
      on o.prediction_id = r.id and o.head = f.head and o.role = 'champion'
    where r.model_name = ${window.modelName} and r.model_version = ${window.modelVersion}
      and r.created_at >= ${window.start.toISOString()}::timestamptz
      and r.created_at < ${window.end.toISOString()}::timestamptz
      ${keyset}
    order by r.created_at, r.id, f.head
    limit ${pageSize}`;
}
