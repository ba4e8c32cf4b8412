/**
 * The fields Evidently shows that our result keeps in another form.
 * @module
 */

import { seenClassIndices } from "./quality_metrics.ts";
import type { HeadQuality, QualityMetrics } from "./quality_types.ts";

/** A binary head's rates of the positive class (`classes[1]`); null where undefined. */
export interface BinaryRates {
  tpr: number | null;
  tnr: number | null;
  fpr: number | null;
  fnr: number | null;
}

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

/** TPR, TNR, FPR and FNR from a 2×2 confusion matrix (row = truth, column = prediction). */
export function binaryRates(matrix: readonly (readonly number[])[]): BinaryRates {
  const [[tn, fp], [fn, tp]] = matrix;
  return {
    tpr: ratio(tp, tp + fn),
    tnr: ratio(tn, tn + fp),
    fpr: ratio(fp, fp + tn),
    fnr: ratio(fn, fn + tp),
  };
}

/**
 * Precision, recall and F1 as Evidently's summary shows them: of the positive class for a
 * binary head (scikit-learn's `pos_label`), the macro averages otherwise.
 */
export function summaryScores(head: HeadQuality, metrics: QualityMetrics) {
  if (head.positiveClass === null) {
    return { precision: metrics.precision, recall: metrics.recall, f1: metrics.f1 };
  }
  const { precision, recall, f1 } = metrics.perClass[head.positiveClass];
  return { precision, recall, f1 };
}

/** The classes a set of rows shows, as truth or prediction, in the head's order. */
export function seenClasses(metrics: QualityMetrics, classes: readonly string[]): string[] {
  return seenClassIndices(metrics.confusionMatrix).map((c) => classes[c]);
}

/** Whether the head's rows came with scores (ROC AUC or log loss known). */
export function hasScores(head: HeadQuality): boolean {
  return head.rocAucAccuracy !== null || head.current.logLoss !== null;
}
