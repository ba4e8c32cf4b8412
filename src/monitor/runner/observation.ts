/**
 * A window's results as the alerter's observation and as the short summary lists and
 * gauges read: drifted columns, prediction drift (the model's output columns), the worst
 * head's accuracy from feedback, and the p99 latency.
 */
import { isOutputColumn } from "../../domain/monitoring_spec.ts";
import type { MonitorObservation } from "../alerts/mod.ts";
import type { DriftResult } from "../drift/compare.ts";
import type { QualityReport } from "../quality/mod.ts";

/** Accuracy per head from feedback; null for a head without feedback. */
export function headAccuracies(quality: QualityReport): Record<string, number | null> {
  return Object.fromEntries(
    quality.heads.map((head) => [head.head, head.status === "ok" ? head.current.accuracy : null]),
  );
}

/** The lowest accuracy of a head with feedback, or `{ noFeedback: true }`. */
export function worstAccuracy(quality: QualityReport): MonitorObservation["accuracy"] {
  let worst: { value: number; n: number } | undefined;
  for (const head of quality.heads) {
    if (head.status !== "ok") continue;
    if (!worst || head.current.accuracy < worst.value) {
      worst = { value: head.current.accuracy, n: head.n };
    }
  }
  return worst ?? { noFeedback: true };
}

/** Whether any output column (`prediction_*`, `confidence_*`) drifted, and what share did. */
export function predictionDrift(result: DriftResult): MonitorObservation["predictionDrift"] {
  const outputs = result.columns.filter((column) => isOutputColumn(column.column));
  if (outputs.length === 0) return undefined;
  const drifted = outputs.filter((column) => column.drifted);
  return {
    detected: drifted.length > 0,
    score: drifted.length / outputs.length,
    method: "share of output columns drifted",
    driftedColumns: drifted.map((column) => column.column),
  };
}

/** The observation of a window with a drift result. */
export function observe(
  ids: { model: string; version: string; reportId?: string },
  result: DriftResult,
  quality: QualityReport,
  latencyP99Ms: number | undefined,
): MonitorObservation {
  const driftedColumns = result.columns.filter((c) => c.drifted).map((c) => c.column);
  return {
    ...ids,
    datasetDrift: {
      detected: result.datasetDrift,
      share: result.shareOfDriftedColumns,
      drifted: result.numberOfDriftedColumns,
      columns: result.numberOfColumns,
      driftedColumns,
    },
    predictionDrift: predictionDrift(result),
    accuracy: worstAccuracy(quality),
    ...(latencyP99Ms === undefined ? {} : { latencyP99Ms: { value: latencyP99Ms } }),
  };
}
