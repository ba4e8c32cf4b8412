import {
  type Database,
  defaultLabelledPageSize,
  labelledPredictionPages,
  type LabelledWindow,
} from "../../db/mod.ts";
import type { Head } from "../../domain/model_codec.ts";
import type { ModelMetrics } from "../../ml/version_files.ts";
import type { ScoreOptions } from "./head_scores.ts";
import { headQuality } from "./head_quality.ts";
import type { QualityReport } from "./quality_types.ts";
import { WindowAccumulator } from "./window_accumulator.ts";

/** What a window's quality is computed against and how it is read. */
export interface WindowQualityOptions extends ScoreOptions {
  /** The model's heads in class order: the served version's codec (`entry.codec.heads`). */
  heads: readonly Head[];
  /** The version's parsed `metrics.json` (`ServedModel.metrics`), for the test metrics. */
  versionMetrics?: ModelMetrics;
  /** Rows per page read from the database; default 2,000. */
  pageSize?: number;
}

/**
 * The classification quality of one served version over [start, end): streams the window's
 * feedback joined with the champion's outputs page by page (`labelledPredictionPages`),
 * counts each page and drops it, then compares each head with the version's test metrics.
 * Memory is one page plus the bounded per-head counts, whatever the window holds. A window
 * without feedback answers `status: "no_feedback"`, each head `{ status: "no_feedback", n: 0 }`.
 */
export async function computeWindowQuality(
  db: Database,
  window: LabelledWindow,
  options: WindowQualityOptions,
): Promise<QualityReport> {
  const accumulator = new WindowAccumulator(options.heads, options);
  const pageSize = options.pageSize ?? defaultLabelledPageSize;
  for await (const page of labelledPredictionPages(db, window, pageSize)) {
    accumulator.addPage(page);
  }
  return qualityReport(window, accumulator, options.versionMetrics);
}

/** The report of what an accumulator counted (for callers that feed pages themselves). */
export function qualityReport(
  window: LabelledWindow,
  accumulator: WindowAccumulator,
  versionMetrics: ModelMetrics | undefined,
): QualityReport {
  const heads = accumulator.counts().map((counts) =>
    headQuality(counts, versionMetrics?.heads.find((head) => head.head === counts.head))
  );
  const n = heads.reduce((sum, head) => sum + head.n, 0);
  return {
    modelName: window.modelName,
    modelVersion: window.modelVersion,
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    status: n === 0 ? "no_feedback" : "ok",
    n,
    heads,
    read: accumulator.stats,
  };
}
