import type { Head } from "./model_codec.ts";

/** What one head answered for one instance; also the row logged in `prediction_outputs`. */
export interface HeadOutput {
  head: string;
  label: string;
  confidence: number;
  scores: Record<string, number>;
}

/**
 * Turns class probabilities into labelled outputs. Binary heads use the decision threshold
 * chosen at training (P(positive) >= threshold); others the most probable class.
 */
export function headOutput(
  head: Head,
  probabilities: ArrayLike<number>,
  threshold: number | undefined,
): HeadOutput {
  let index = 0;
  if (threshold !== undefined) index = probabilities[1] >= threshold ? 1 : 0;
  else {
    for (let i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[index]) index = i;
    }
  }
  return {
    head: head.name,
    label: head.classes[index],
    confidence: probabilities[index],
    scores: Object.fromEntries(head.classes.map((label, i) => [label, probabilities[i]])),
  };
}
