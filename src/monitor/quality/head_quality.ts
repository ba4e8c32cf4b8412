import type { HeadEvaluation } from "../../ml/training/evaluate.ts";
import type { HeadCounts } from "./head_accumulator.ts";
import { headAuc, qualityDelta, qualityMetrics } from "./quality_metrics.ts";
import type { HeadQualityResult, QualityMetrics, RocAucAccuracy } from "./quality_types.ts";

/**
 * The version's test metrics of a head (`metrics.json`, the model's scores, not the reference
 * predictor's) in the window's form and class order; null when its classes are not the head's.
 */
export function referenceMetrics(
  evaluation: HeadEvaluation,
  classes: readonly string[],
): QualityMetrics | null {
  const test = evaluation.model;
  // metrics.json comes from a file: a version written before a field existed lacks it.
  if (!Array.isArray(test?.classes) || !Array.isArray(test.confusionMatrix)) return null;
  const order = classes.map((label) => test.classes.indexOf(label));
  if (test.classes.length !== classes.length || order.some((i) => i < 0)) return null;
  const matrix = order.map((t) => order.map((p) => test.confusionMatrix[t][p]));
  if (matrix.every((row) => row.every((n) => n === 0))) return null;
  const binaryAuc = classes.length === 2 ? test.rocAuc ?? null : null;
  return qualityMetrics(matrix, classes, {
    // Test metrics keep one AUC for a binary head, which is every class's one-vs-rest AUC.
    perClassAuc: classes.map(() => binaryAuc),
    logLoss: test.logLoss ?? null,
  });
}

/**
 * A head's result: `{ status: "no_feedback", n: 0 }` when the window labelled none of its rows,
 * else the window's metrics beside the version's test metrics (when given) with the deltas.
 */
export function headQuality(
  counts: HeadCounts,
  evaluation: HeadEvaluation | undefined,
): HeadQualityResult {
  if (counts.n === 0) return { head: counts.head, status: "no_feedback", n: 0 };
  const classes = [...counts.classes];
  const aucs = counts.aucs?.perClass;
  const current = qualityMetrics(counts.confusionMatrix, classes, {
    perClassAuc: aucs ? aucs.map((auc) => auc.value) : classes.map(() => null),
    logLoss: counts.logLoss,
  });
  const reference = evaluation ? referenceMetrics(evaluation, classes) : null;
  return {
    head: counts.head,
    status: "ok",
    n: counts.n,
    skipped: counts.skipped,
    classes,
    positiveClass: classes.length === 2 ? classes[1] : null,
    threshold: evaluation?.threshold ?? null,
    current,
    rocAucAccuracy: rocAucAccuracy(counts, current.rocAuc),
    reference,
    delta: reference ? qualityDelta(current, reference) : null,
  };
}

/** The head AUC's bound: the positive class's, or the mean of the averaged classes' bounds. */
function rocAucAccuracy(counts: HeadCounts, rocAuc: number | null): RocAucAccuracy | null {
  if (!counts.aucs || rocAuc === null) return null;
  const used = headAuc(counts.aucs.perClass, (auc) => auc.value);
  const errorBound = used.reduce((sum, auc) => sum + auc.errorBound, 0) / used.length;
  return { method: counts.aucs.method, errorBound };
}
