/**
 * Metrics over predicted probabilities or scores: ROC AUC, log loss and the F1-optimal
 * decision threshold. Binary labels are `0 | 1`; every function is O(n log n) or better.
 * @module
 */

/** A binary ground-truth label. */
export type BinaryLabel = 0 | 1;

/** sklearn's historical clipping bound for log loss. */
export const LOG_LOSS_EPS = 1e-15;

function checkBinary(
  what: string,
  yTrue: readonly number[],
  values: readonly number[],
): void {
  if (yTrue.length !== values.length) {
    throw new RangeError(
      `Cannot compute ${what}: ${yTrue.length} labels but ${values.length} scores`,
    );
  }
  if (yTrue.length === 0) throw new RangeError(`Cannot compute ${what}: no samples`);
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 0 && yTrue[i] !== 1) {
      throw new RangeError(`Cannot compute ${what}: label at position ${i} is not 0 or 1`);
    }
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`Cannot compute ${what}: score at position ${i} is not finite`);
    }
  }
}

/** Indices of `values` sorted by value, descending (stable, so equal values keep input order). */
function orderDescending(values: readonly number[]): number[] {
  return Array.from(values.keys()).sort((a, b) => values[b] - values[a]);
}

/**
 * Area under the ROC curve, equal to sklearn's `roc_auc_score`: the Mann-Whitney U statistic
 * with tied scores counted as half a win (average ranks). Returns `NaN` when `yTrue` holds a
 * single class, where AUC is undefined (sklearn also returns `nan` there, with a warning).
 */
export function rocAuc(yTrue: readonly BinaryLabel[], scores: readonly number[]): number {
  checkBinary("ROC AUC", yTrue, scores);
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    // 1-based ranks start+1..end share their average.
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) {
      if (yTrue[order[i]] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = yTrue.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  const u = positiveRankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}

/**
 * Mean binary cross-entropy of `probabilities` (of class 1), each clipped to
 * `[eps, 1 - eps]` so a confident mistake costs about 34.5 rather than infinity.
 */
export function logLoss(
  yTrue: readonly BinaryLabel[],
  probabilities: readonly number[],
  eps = LOG_LOSS_EPS,
): number {
  checkBinary("log loss", yTrue, probabilities);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
    total -= yTrue[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return total / yTrue.length;
}

/**
 * Mean categorical cross-entropy: `yTrue[i]` is the index of the true class in
 * `probabilityRows[i]`. Probabilities are clipped to `[eps, 1 - eps]` and used as given
 * (rows are not renormalised, like sklearn >= 1.5).
 */
export function multiclassLogLoss(
  yTrue: readonly number[],
  probabilityRows: readonly (readonly number[])[],
  eps = LOG_LOSS_EPS,
): number {
  if (yTrue.length !== probabilityRows.length) {
    throw new RangeError(
      `Cannot compute log loss: ${yTrue.length} labels but ${probabilityRows.length} rows`,
    );
  }
  if (yTrue.length === 0) throw new RangeError("Cannot compute log loss: no samples");
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const row = probabilityRows[i];
    const index = yTrue[i];
    if (!Number.isInteger(index) || index < 0 || index >= row.length) {
      throw new RangeError(
        `Cannot compute log loss: class index ${index} at position ${i} is outside its row`,
      );
    }
    const p = row[index];
    if (!Number.isFinite(p)) {
      throw new RangeError(`Cannot compute log loss: probability at position ${i} is not finite`);
    }
    total -= Math.log(Math.min(Math.max(p, eps), 1 - eps));
  }
  return total / yTrue.length;
}

/** The decision threshold chosen by {@link bestF1Threshold} and its scores. */
export interface ThresholdChoice {
  /** Predict 1 when `probability >= threshold`. */
  threshold: number;
  f1: number;
  precision: number;
  recall: number;
}

/**
 * The threshold maximising F1 when predicting 1 for `p >= threshold`, scanning every distinct
 * probability in one sorted pass. F1 values are compared exactly as integer fractions
 * `2TP / (2TP + FP + FN)`; ties go to the highest threshold (fewest positive predictions).
 * With no positive label every F1 is 0, so the highest probability is returned.
 */
export function bestF1Threshold(
  yTrue: readonly BinaryLabel[],
  probabilities: readonly number[],
): ThresholdChoice {
  checkBinary("best F1 threshold", yTrue, probabilities);
  const order = orderDescending(probabilities);
  const positives = yTrue.reduce<number>((sum, y) => sum + y, 0);
  let tp = 0;
  let fp = 0;
  let best: { threshold: number; tp: number; fp: number } | undefined;
  for (let start = 0; start < order.length;) {
    const threshold = probabilities[order[start]];
    let end = start;
    for (; end < order.length && probabilities[order[end]] === threshold; end++) {
      if (yTrue[order[end]] === 1) tp++;
      else fp++;
    }
    start = end;
    // F1 = 2tp / (tp + fp + positives); strict ">" keeps the earlier (higher) threshold on ties.
    if (!best || tp * (best.tp + best.fp + positives) > best.tp * (tp + fp + positives)) {
      best = { threshold, tp, fp };
    }
  }
  if (!best) throw new Error("unreachable: at least one sample was scanned");
  const denominator = best.tp + best.fp + positives;
  return {
    threshold: best.threshold,
    f1: denominator === 0 ? 0 : (2 * best.tp) / denominator,
    precision: best.tp + best.fp === 0 ? 0 : best.tp / (best.tp + best.fp),
    recall: positives === 0 ? 0 : best.tp / positives,
  };
}
