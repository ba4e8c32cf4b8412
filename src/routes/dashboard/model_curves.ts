/**
 * A binary head's curves from production feedback: ROC (with the served threshold's point) and
 * calibration (predicted probability against the observed rate, per tenth).
 * @module
 */
import type { LabelledScore } from "../../db/mod.ts";

/** ROC points, false-positive rate ascending, and where the threshold sits on it. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** The point of `P >= threshold`. */
  atThreshold: { fpr: number; tpr: number } | undefined;
}

/** The ROC curve of `scores`; undefined unless both classes are present. */
export function rocCurve(
  scores: readonly LabelledScore[],
  threshold?: number,
): RocCurve | undefined {
  const positives = scores.filter((s) => s.positive).length;
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return undefined;
  const sorted = [...scores].sort((a, b) => b.probability - a.probability);
  const fpr = [0], tpr = [0];
  let tp = 0, fp = 0;
  sorted.forEach((s, i) => {
    if (s.positive) tp++;
    else fp++;
    // One point per distinct score: tied scores move together.
    if (i === sorted.length - 1 || sorted[i + 1].probability !== s.probability) {
      fpr.push(fp / negatives);
      tpr.push(tp / positives);
    }
  });
  const above = threshold === undefined
    ? undefined
    : scores.filter((s) => s.probability >= threshold);
  const atThreshold = above && {
    fpr: above.filter((s) => !s.positive).length / negatives,
    tpr: above.filter((s) => s.positive).length / positives,
  };
  return { fpr, tpr, atThreshold };
}

/** One tenth of predicted probability with scores in it. */
export interface CalibrationBin {
  meanPredicted: number;
  observedRate: number;
  count: number;
}

/** Predicted against observed per tenth of probability (empty tenths left out). */
export function calibrationBins(scores: readonly LabelledScore[]): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, () => ({ predicted: 0, positive: 0, count: 0 }));
  for (const s of scores) {
    const bin = bins[Math.min(9, Math.floor(s.probability * 10))];
    bin.predicted += s.probability;
    bin.positive += s.positive ? 1 : 0;
    bin.count++;
  }
  return bins.filter((b) => b.count > 0).map((b) => ({
    meanPredicted: b.predicted / b.count,
    observedRate: b.positive / b.count,
    count: b.count,
  }));
}
