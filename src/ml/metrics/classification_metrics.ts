/**
 * Label-based classification metrics (scikit-learn semantics, `zero_division=0`).
 *
 * Design: `yTrue` and `yPred` hold class *labels* (strings or numbers) compared with `===`
 * against `classes`, which fixes the order of the confusion matrix and the averages. A model
 * that outputs class indices converts them first with {@link indicesToLabels}.
 * @module
 */

/** A class label: a string such as `"network"` or a number such as `0`/`1`. */
export type Label = string | number;

/** Precision, recall and F1 of one class or one average. */
export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class scores plus how many true samples the class has. */
export interface ClassScores extends PrecisionRecallF1 {
  support: number;
}

/** The result of {@link classificationReport}; plain JSON, ready for `metrics.json`. */
export interface ClassificationReport {
  accuracy: number;
  /** Unweighted mean over every class of `classes` (absent classes count as 0, like sklearn). */
  macro: PrecisionRecallF1;
  /** Mean weighted by support. */
  weighted: PrecisionRecallF1;
  /** Keyed by `String(label)`. */
  perClass: Record<string, ClassScores>;
  /** `confusionMatrix[t][p]`: samples of true class `classes[t]` predicted as `classes[p]`. */
  confusionMatrix: number[][];
  classes: string[];
}

/** Maps class indices (e.g. an argmax) to labels; throws on an index outside `classes`. */
export function indicesToLabels<L extends Label>(
  indices: readonly number[],
  classes: readonly L[],
): L[] {
  return indices.map((index, i) => {
    if (!Number.isInteger(index) || index < 0 || index >= classes.length) {
      throw new RangeError(`Cannot map class index ${index} at position ${i}: out of range`);
    }
    return classes[index];
  });
}

/** Ratio with sklearn's `zero_division=0`. */
const safeDivide = (numerator: number, denominator: number) =>
  denominator === 0 ? 0 : numerator / denominator;

/**
 * Accuracy, per-class and macro/weighted precision, recall and F1, and the confusion matrix,
 * matching sklearn's `classification_report(labels=classes, zero_division=0)`. O(n + k²).
 * Throws when the lengths differ, there is no sample, or a label is not in `classes`
 * (sklearn would silently drop it; here it is almost always a bug).
 */
export function classificationReport<L extends Label>(
  yTrue: readonly L[],
  yPred: readonly L[],
  classes: readonly L[],
): ClassificationReport {
  if (yTrue.length !== yPred.length) {
    throw new RangeError(
      `Cannot compute classification report: ${yTrue.length} true labels but ${yPred.length} predictions`,
    );
  }
  if (yTrue.length === 0) throw new RangeError("Cannot compute classification report: no samples");
  const indexOf = new Map<Label, number>();
  classes.forEach((label, i) => indexOf.set(label, i));
  if (indexOf.size !== classes.length) {
    throw new RangeError("Cannot compute classification report: duplicate labels in classes");
  }
  const lookup = (label: L, what: string, i: number) => {
    const index = indexOf.get(label);
    if (index === undefined) {
      throw new RangeError(
        `Cannot compute classification report: ${what} label ${
          JSON.stringify(label)
        } at position ${i} is not one of the classes`,
      );
    }
    return index;
  };

  const k = classes.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    matrix[lookup(yTrue[i], "true", i)][lookup(yPred[i], "predicted", i)]++;
  }
  return reportFromConfusionMatrix(matrix, classes);
}

/**
 * The same report from counts alone: `matrix[t][p]` samples of true class `classes[t]` predicted
 * as `classes[p]`. Lets a caller that streams millions of rows keep a k×k matrix instead of the
 * labels. Throws when the matrix is not k×k for the k classes or holds no sample.
 */
export function reportFromConfusionMatrix<L extends Label>(
  matrix: readonly (readonly number[])[],
  classes: readonly L[],
): ClassificationReport {
  const k = classes.length;
  if (matrix.length !== k || matrix.some((row) => row.length !== k)) {
    throw new RangeError(`Cannot compute classification report: the matrix is not ${k}×${k}`);
  }
  const total = matrix.reduce((sum, row) => sum + row.reduce((s, n) => s + n, 0), 0);
  if (total === 0) throw new RangeError("Cannot compute classification report: no samples");
  let correct = 0;
  const perClass: Record<string, ClassScores> = {};
  const macro = { precision: 0, recall: 0, f1: 0 };
  const weighted = { precision: 0, recall: 0, f1: 0 };
  for (let c = 0; c < k; c++) {
    const tp = matrix[c][c];
    correct += tp;
    const support = matrix[c].reduce((sum, n) => sum + n, 0);
    const predicted = matrix.reduce((sum, row) => sum + row[c], 0);
    const precision = safeDivide(tp, predicted);
    const recall = safeDivide(tp, support);
    // 2TP / (2TP + FP + FN) equals the harmonic mean but needs no special case for P = R = 0.
    const f1 = safeDivide(2 * tp, predicted + support);
    perClass[String(classes[c])] = { precision, recall, f1, support };
    macro.precision += precision / k;
    macro.recall += recall / k;
    macro.f1 += f1 / k;
    const weight = support / total;
    weighted.precision += precision * weight;
    weighted.recall += recall * weight;
    weighted.f1 += f1 * weight;
  }

  return {
    accuracy: correct / total,
    macro,
    weighted,
    perClass,
    confusionMatrix: matrix.map((row) => [...row]),
    classes: classes.map(String),
  };
}

/**
 * The most frequent label of `trainLabels`; ties go to the class listed first in `classes`
 * so the baseline is deterministic. Throws when `trainLabels` is empty.
 */
export function majorityClass<L extends Label>(
  trainLabels: readonly L[],
  classes: readonly L[],
): L {
  const counts = new Map<Label, number>();
  for (const label of trainLabels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best: L | undefined;
  let bestCount = 0;
  for (const label of classes) {
    const count = counts.get(label) ?? 0;
    if (count > bestCount) [best, bestCount] = [label, count];
  }
  if (best === undefined) {
    throw new RangeError("Cannot pick a majority class: no training label is one of the classes");
  }
  return best;
}

/**
 * The trivial baseline a model must beat: always predict the training set's majority class
 * ({@link majorityClass}) and score that on `testLabels`.
 */
export function majorityBaseline<L extends Label>(
  trainLabels: readonly L[],
  testLabels: readonly L[],
  classes: readonly L[],
): ClassificationReport {
  const majority = majorityClass(trainLabels, classes);
  return classificationReport(testLabels, testLabels.map(() => majority), classes);
}
