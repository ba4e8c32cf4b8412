/**
 * Logit adjustment of multi-class heads (Menon et al., "Long-tail learning via logit
 * adjustment", 2021). A model trained on a skewed label mix (generated tickets have the
 * production mix: critical ones are rare) learns that mix as a prior and under-calls the rare
 * classes, while a help desk weighs a missed critical ticket above all, and macro-F1 weighs
 * every class alike. Adding `-tau * log(prior)` to a head's logits moves its decisions towards
 * a balanced prior; `tau` is chosen per head on the validation split by macro-F1, and only
 * when it gains at least half a point there (a head whose classes are about balanced gains
 * noise, not recall), then folded into the head's output bias, so evaluation, calibration, the
 * exported network and its compiled forward pass all see the same corrected model.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Head } from "../../domain/model_codec.ts";
import { scoreHead } from "./evaluate.ts";

/** What the correction did to one head (`metrics.json` → the head's `priorCorrection`). */
export interface PriorCorrection {
  /** 0 leaves the head as trained; 1 divides out the training prior entirely. */
  tau: number;
  /** The training split's class shares, in the head's class order. */
  prior: number[];
}

/** The strengths tried, weakest first. */
export const priorCorrectionSteps = [0, 0.25, 0.5, 0.75, 1] as const;

/** `probabilities` as the head answers after a correction of strength `tau`. */
export function correctedProbabilities(
  probabilities: readonly number[],
  prior: readonly number[],
  tau: number,
): number[] {
  const scaled = probabilities.map((p, k) => p * Math.pow(prior[k], -tau));
  const total = scaled.reduce((sum, p) => sum + p, 0);
  return scaled.map((p) => p / total);
}

/** The training split's share of each class (a class never seen counts as one row). */
export function classPrior(head: Head, trainLabels: readonly string[]): number[] {
  const counts = head.classes.map((c) => Math.max(1, trainLabels.filter((l) => l === c).length));
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.map((n) => n / total);
}

/** Validation macro-F1 a correction must gain over none to be applied. */
export const minimumGain = 0.005;

/** The strength that scores best on validation (macro-F1), if it gains `minimumGain`. */
export function choosePriorCorrection(
  head: Head,
  trainLabels: readonly string[],
  validation: { labels: readonly string[]; probabilities: readonly number[][] },
): PriorCorrection {
  const prior = classPrior(head, trainLabels);
  const f1At = (tau: number) =>
    scoreHead(
      head,
      validation.labels,
      validation.probabilities.map((row) => correctedProbabilities(row, prior, tau)),
      undefined,
    ).macro.f1;
  let best = { tau: 0, f1: f1At(0) + minimumGain - 1e-12 };
  for (const tau of priorCorrectionSteps.slice(1)) {
    const f1 = f1At(tau);
    if (f1 > best.f1) best = { tau, f1 };
  }
  return { tau: best.tau, prior };
}

/** Folds `correction` into the head's softmax layer (named after the head) of `model`. */
export function applyPriorCorrection(
  model: tf.LayersModel,
  head: Head,
  correction: PriorCorrection,
): void {
  if (correction.tau === 0) return;
  const layer = model.getLayer(head.name);
  const [kernel, bias] = layer.getWeights();
  const shift = tf.tensor1d(correction.prior.map((p) => -correction.tau * Math.log(p)));
  const shifted = bias.add(shift);
  layer.setWeights([kernel, shifted]);
  tf.dispose([shift, shifted]);
}
