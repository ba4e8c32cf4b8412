import { evidentlyMetricId, pythonFloat } from "./evidently_ids.ts";
import { binaryRates, hasScores, seenClasses, summaryScores } from "./evidently_fields.ts";
import type { HeadQuality, HeadQualityResult, NoFeedback } from "./quality_types.ts";

/** One entry of an Evidently 0.7 snapshot's `.dict()["metrics"]`. */
export interface SnapshotMetric {
  id: string;
  metric_name: string;
  config: Record<string, unknown>;
  value: number | Record<string, number | null> | null;
}

/** A head as Evidently 0.7's `Report([ClassificationPreset()]).run(...).dict()`. */
export interface SnapshotDict {
  metrics: SnapshotMetric[];
  tests: never[];
}

type Extras = Record<string, boolean>;
const withConfusion: Extras = { conf_matrix: true, pr_curve: false, pr_table: false };

function metric(
  name: string,
  threshold: number | null,
  extras: Extras,
  value: SnapshotMetric["value"],
): SnapshotMetric {
  const thresholdField = threshold === null ? {} : { probas_threshold: threshold };
  const params = [
    "classification_name=default",
    ...(threshold === null ? [] : [`probas_threshold=${pythonFloat(threshold)}`]),
    ...Object.entries(extras).map(([key, on]) => `${key}=${on ? "True" : "False"}`),
  ];
  return {
    id: evidentlyMetricId(name, threshold === null ? [] : [["probas_threshold", threshold]]),
    metric_name: `${name}(${params.join(",")})`,
    config: {
      type: `evidently:metric_v2:${name}`,
      classification_name: "default",
      ...thresholdField,
      ...extras,
    },
    value,
  };
}

function byLabel(head: HeadQuality, field: "precision" | "recall" | "f1") {
  const seen = seenClasses(head.current, head.classes);
  return Object.fromEntries(seen.map((label) => [label, head.current.perClass[label][field]]));
}

/**
 * A head's window in the shape of Evidently 0.7's new classification preset snapshot: the
 * same metric ids (Evidently's fingerprints), names, configs and values for the window. Like
 * Evidently's `.dict()` it holds the current values only; the version's test metrics and the
 * deltas are in the quality report. A head without feedback is `{ status: "no_feedback", n: 0 }`.
 */
export function snapshotQualityDict(head: HeadQualityResult): SnapshotDict | NoFeedback {
  if (head.status === "no_feedback") return head;
  const threshold = head.positiveClass === null ? null : head.threshold;
  const current = head.current;
  const summary = summaryScores(head, current);
  const metrics = [
    metric("Accuracy", threshold, {}, current.accuracy),
    metric("Precision", threshold, withConfusion, summary.precision),
    metric("Recall", threshold, withConfusion, summary.recall),
    metric("F1Score", threshold, { conf_matrix: true }, summary.f1),
  ];
  const scored = hasScores(head);
  if (scored) {
    metrics.push(
      metric("RocAuc", threshold, { roc_curve: true, pr_table: false }, current.rocAuc),
      metric("LogLoss", threshold, { pr_table: false }, current.logLoss),
    );
  }
  if (head.positiveClass !== null) {
    const { tpr, tnr, fpr, fnr } = binaryRates(current.confusionMatrix);
    const rates = { TPR: tpr, TNR: tnr, FPR: fpr, FNR: fnr };
    for (const [name, value] of Object.entries(rates)) {
      metrics.push(metric(name, threshold, { pr_table: false }, value));
    }
  }
  metrics.push(
    metric("F1ByLabel", threshold, {}, byLabel(head, "f1")),
    metric("PrecisionByLabel", threshold, {}, byLabel(head, "precision")),
    metric("RecallByLabel", threshold, {}, byLabel(head, "recall")),
  );
  if (scored) {
    const aucs = head.classes.map((label) => [label, current.perClass[label].rocAuc] as const);
    metrics.push(metric("RocAucByLabel", threshold, {}, Object.fromEntries(aucs)));
  }
  return { metrics, tests: [] };
}
