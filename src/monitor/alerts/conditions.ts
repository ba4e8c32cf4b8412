/**
 * The four alert conditions, judged on one observation. Pure: what to raise or resolve is
 * decided here, what is open is the database's business (alerter.ts).
 */
import type { MonitorObservation } from "./observation.ts";

/** The conditions an alert can be raised for. */
export const alertKinds = [
  "dataset_drift",
  "prediction_drift",
  "accuracy_below_threshold",
  "latency_p99_over_budget",
] as const;

/** One of {@link alertKinds}. */
export type AlertKind = typeof alertKinds[number];

/**
 * Critical where the model's answers are likely wrong (its inputs moved, or the feedback
 * says so); warning where they may be fine (its outputs shifted, or it is slow).
 */
export const alertSeverity: Readonly<Record<AlertKind, "critical" | "warning">> = {
  dataset_drift: "critical",
  accuracy_below_threshold: "critical",
  prediction_drift: "warning",
  latency_p99_over_budget: "warning",
};

/** The kinds whose raise may trigger retraining: new data can mend them, not latency. */
export const retrainingKinds: ReadonlySet<AlertKind> = new Set([
  "dataset_drift",
  "accuracy_below_threshold",
]);

/** The thresholds an observation does not carry itself (from the configuration). */
export interface ConditionDefaults {
  accuracyThreshold: number;
  latencyBudgetMs: number;
}

/**
 * One condition as this run sees it: `holds` true raises (if none is open), false resolves
 * the open alert, undefined (nothing to judge by: no feedback, no prediction-drift result,
 * no latency sample) leaves it as it is.
 */
export interface ConditionReading {
  kind: AlertKind;
  holds: boolean | undefined;
  message: string;
  details: Record<string, unknown>;
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** Reads every condition of `observation`, in {@link alertKinds} order. */
export function readConditions(
  observation: MonitorObservation,
  defaults: ConditionDefaults,
): ConditionReading[] {
  const { model, version, datasetDrift, predictionDrift, accuracy, latencyP99Ms } = observation;
  const subject = `${model} ${version}`;
  const common = {
    model,
    version,
    ...(observation.reportId ? { report_id: observation.reportId } : {}),
  };
  const reading = (
    kind: AlertKind,
    holds: boolean | undefined,
    message: string,
    details: Record<string, unknown> = {},
  ): ConditionReading => ({ kind, holds, message, details: { ...common, ...details } });

  const named = datasetDrift.driftedColumns?.length
    ? ` (${datasetDrift.driftedColumns.join(", ")})`
    : "";
  const threshold = "value" in accuracy ? accuracy.threshold ?? defaults.accuracyThreshold : 0;
  const budget = latencyP99Ms?.budget ?? defaults.latencyBudgetMs;
  return [
    reading(
      "dataset_drift",
      datasetDrift.detected,
      `Dataset drift on ${subject}: ${datasetDrift.drifted} of ${datasetDrift.columns} columns ` +
        `drifted${named}, share ${fixed(datasetDrift.share)}`,
      { dataset_drift: datasetDrift },
    ),
    reading(
      "prediction_drift",
      predictionDrift?.detected,
      `Prediction drift on ${subject}` +
        (predictionDrift?.score === undefined
          ? ""
          : `: ${predictionDrift.method ?? "score"} ${fixed(predictionDrift.score, 4)}`),
      { prediction_drift: predictionDrift },
    ),
    "value" in accuracy
      ? reading(
        "accuracy_below_threshold",
        accuracy.value < threshold,
        `Production accuracy of ${subject} is ${fixed(accuracy.value, 3)}, below ` +
          `${fixed(threshold, 3)} (${accuracy.n} labelled predictions)`,
        { accuracy: accuracy.value, n: accuracy.n, threshold },
      )
      : reading("accuracy_below_threshold", undefined, `No feedback for ${subject}`),
    reading(
      "latency_p99_over_budget",
      latencyP99Ms === undefined ? undefined : latencyP99Ms.value > budget,
      `p99 latency of ${subject} is ${fixed(latencyP99Ms?.value ?? 0, 1)} ms, over its ` +
        `${fixed(budget, 0)} ms budget`,
      { latency_p99_ms: latencyP99Ms?.value, budget_ms: budget },
    ),
  ];
}
