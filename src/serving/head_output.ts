import type { Head } from "../ml/model_definition.ts";

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
  probabilities: readonly number[],
  threshold: number | undefined,
): HeadOutput {
  const index = threshold === undefined
    ? probabilities.indexOf(Math.max(...probabilities))
    : probabilities[1] >= threshold
    ? 1
    : 0;
  return {
    head: head.name,
    label: head.classes[index],
    confidence: probabilities[index],
    scores: Object.fromEntries(head.classes.map((label, i) => [label, probabilities[i]])),
  };
}
