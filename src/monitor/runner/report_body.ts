/**
 * The body of a `drift_reports` row: Evidently's legacy and snapshot drift reports, both
 * sides' statistics (so the HTML page can be drawn again later), the quality per head in
 * Evidently's legacy shape and as computed, the observation the alerts judged, the window,
 * and a short `summary` that lists and gauges read without loading the rest.
 */
import type { MonitorObservation } from "../alerts/mod.ts";
import type { DriftResult } from "../drift/compare.ts";
import type { DriftOptions } from "../drift/drift_options.ts";
import type { ReferenceStats } from "../drift/reference_stats.ts";
import { statsToJson } from "../drift/stats_json.ts";
import { legacyQualityDict, type QualityReport } from "../quality/mod.ts";
import { legacyReport } from "../report/legacy_report.ts";
import { snapshotReport } from "../report/snapshot_report.ts";
import { headAccuracies } from "./observation.ts";

/** How a window's drift came out: compared, or why not. */
export type ReportStatus = "ok" | "empty_window" | "no_reference" | "drift_error";

/** What one window produced. */
export interface WindowOutcome {
  status: ReportStatus;
  /** Why the drift was not compared, for any status but "ok". */
  message?: string;
  window: { start: string; end: string; requests: number };
  drift?: { result: DriftResult; reference: ReferenceStats; current: ReferenceStats };
  driftOptions: DriftOptions;
  quality: QualityReport;
  latencyP99Ms?: number;
  observation?: MonitorObservation;
}

/**
 * Statistics as a report keeps them: without the model's vocabulary, the bulk of a ticket
 * model's statistics, which only computing the descriptors needed. An empty list still says
 * the text columns have an out-of-vocabulary share, so the comparison is drawn the same.
 */
function compact(stats: ReferenceStats): ReferenceStats {
  return stats.vocabulary ? { ...stats, vocabulary: [] } : stats;
}

/** The jsonb body stored for `outcome`. */
export function reportBody(outcome: WindowOutcome): Record<string, unknown> {
  const { drift, quality } = outcome;
  const summary = {
    status: outcome.status,
    ...(outcome.message ? { message: outcome.message } : {}),
    requests: outcome.window.requests,
    drifted_columns: drift
      ? drift.result.columns.filter((c) => c.drifted).map((c) => c.column)
      : [],
    prediction_drift: outcome.observation?.predictionDrift?.detected ?? null,
    accuracy: headAccuracies(quality),
    no_feedback: quality.status === "no_feedback",
    latency_p99_ms: outcome.latencyP99Ms ?? null,
  };
  return {
    status: outcome.status,
    summary,
    window: outcome.window,
    drift: drift ? legacyReport(drift.result) : null,
    snapshot: drift ? snapshotReport(drift.result, outcome.driftOptions) : null,
    drift_options: outcome.driftOptions,
    stats: drift
      ? {
        reference: statsToJson(compact(drift.reference)),
        current: statsToJson(compact(drift.current)),
      }
      : null,
    quality: Object.fromEntries(quality.heads.map((head) => [head.head, legacyQualityDict(head)])),
    quality_report: quality,
    observation: outcome.observation ?? null,
  };
}
