/**
 * Logit adjustment of multi-class heads (Menon et al., "Long-tail learning via logit
 * adjustment", 2021). A model trained on a skewed label mix (generated tickets have the
 * production mix: critical ones are rare) learns that mix as a prior and under-calls the rare
 * classes, while a help desk weighs a missed critical ticket above all, and macro-F1 weighs
 * every class alike. Adding `-tau * log(prior)` to a head's logits moves its decisions towards
 * a balanced prior ({@linkcode balancedTau}); it is folded into the head's output bias, so
 * evaluation, calibration, the exported network and its compiled forward pass all see the same
 * corrected model.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Head } from "../../domain/model_codec.ts";

/** What the correction did to one head (`metrics.json` → the head's `priorCorrection`). */
export interface PriorCorrection {
  /** 0 leaves the head as trained; 1 divides out the training prior entirely. */
  tau: number;
  /** The training split's class shares, in the head's class order. */
  prior: number[];
}

/** The training split's share of each class (a class never seen counts as one row). */
export function classPrior(head: Head, trainLabels: readonly string[]): number[] {
  const counts = head.classes.map((c) => Math.max(1, trainLabels.filter((l) => l === c).length));
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.map((n) => n / total);
}

/**
 * The strength applied: 1 divides the training prior out entirely, the choice that is
 * Bayes-consistent for the balanced error (Menon et al., section 4). A help desk's own mix is
 * not the generator's and drifts (the drifted population has twice the critical share), and
 * macro-F1 weighs every class alike, so the head answers as if every class were equally likely.
 */
export const balancedTau = 1;

/** The correction of a head trained on `trainLabels`: the training prior, divided out. */
export function balancingCorrection(head: Head, trainLabels: readonly string[]): PriorCorrection {
  return { tau: balancedTau, prior: classPrior(head, trainLabels) };
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
