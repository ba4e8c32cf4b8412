import { reportFromConfusionMatrix } from "../../ml/metrics/classification_metrics.ts";
import type { ClassQuality, QualityDelta, QualityMetrics } from "./quality_types.ts";

/** What counts alone cannot give: the score-based metrics of a set of rows. */
export interface ScoreMetrics {
  /** One-vs-rest AUC per class, in class order (null where undefined or unknown). */
  perClassAuc: readonly (number | null)[];
  logLoss: number | null;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * The head-level AUC: the positive class's for a binary head, else the mean over the classes
 * where it is defined (scikit-learn's macro one-vs-rest, which would fail on an undefined one).
 */
export function headAuc<T>(perClass: readonly T[], value: (item: T) => number | null): T[] {
  if (perClass.length === 2) return value(perClass[1]) === null ? [] : [perClass[1]];
  return perClass.filter((item) => value(item) !== null);
}

/** Indices of the classes a confusion matrix shows as truth or prediction. */
export function seenClassIndices(matrix: readonly (readonly number[])[]): number[] {
  return matrix.flatMap((row, c) =>
    row.some((n) => n > 0) || matrix.some((r) => r[c] > 0) ? [c] : []
  );
}

/**
 * Quality metrics from a confusion matrix in `classes` order and the score metrics. Per-class
 * values and accuracy come from the whole matrix; the macro averages from the classes seen in
 * the truth or the predictions (the rows and columns that are not all zero), which is
 * scikit-learn's default and Evidently's. Throws when the matrix holds no row.
 */
export function qualityMetrics(
  matrix: readonly (readonly number[])[],
  classes: readonly string[],
  scores: ScoreMetrics,
): QualityMetrics {
  const whole = reportFromConfusionMatrix(matrix, classes);
  const seen = seenClassIndices(matrix);
  const macro = reportFromConfusionMatrix(
    seen.map((t) => seen.map((p) => matrix[t][p])),
    seen.map((c) => classes[c]),
  ).macro;
  const perClass: Record<string, ClassQuality> = {};
  classes.forEach((label, c) => {
    perClass[label] = { ...whole.perClass[label], rocAuc: scores.perClassAuc[c] ?? null };
  });
  const aucs = headAuc(scores.perClassAuc, (auc) => auc);
  return {
    n: matrix.reduce((sum, row) => sum + row.reduce((s, v) => s + v, 0), 0),
    accuracy: whole.accuracy,
    precision: macro.precision,
    recall: macro.recall,
    f1: macro.f1,
    rocAuc: aucs.length === 0 ? null : mean(aucs as number[]),
    logLoss: scores.logLoss,
    perClass,
    confusionMatrix: whole.confusionMatrix,
  };
}

const difference = (a: number | null, b: number | null) => a === null || b === null ? null : a - b;

/** Current minus reference for the summary metrics. */
export function qualityDelta(current: QualityMetrics, reference: QualityMetrics): QualityDelta {
  return {
    accuracy: current.accuracy - reference.accuracy,
    precision: current.precision - reference.precision,
    recall: current.recall - reference.recall,
    f1: current.f1 - reference.f1,
    rocAuc: difference(current.rocAuc, reference.rocAuc),
    logLoss: difference(current.logLoss, reference.logLoss),
  };
}
