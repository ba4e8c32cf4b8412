/**
 * Scores a trained version on an independent evaluation set (rows never split, never fitted
 * on): the test split says how well a model learned its training population, this says how
 * well it holds up on tickets written elsewhere.
 */
import type * as tf from "@tensorflow/tfjs";
import type { ModelDefinition } from "../../domain/model_definition.ts";
import { type HeadScores, scoreHead } from "./evaluate.ts";
import { predictProbabilities } from "./train.ts";

/** `metrics.json` → `holdout`: the set's identity and each head's scores on it. */
export interface HoldoutEvaluation {
  name: string;
  /** md5 of the set's file as `data/` holds it (DVC's hash of that file). */
  md5: string;
  rows: number;
  heads: { head: string; model: HeadScores }[];
}

/** Scores `model` on `rows`, each head as the test split is scored (argmax or threshold). */
export function scoreHoldout<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  preprocessing: Prep,
  model: tf.LayersModel,
  rows: readonly Row[],
  thresholds: readonly (number | undefined)[],
): HoldoutEvaluation["heads"] {
  const probabilities = predictProbabilities(
    definition,
    preprocessing,
    model,
    rows.map(definition.inputOf),
  );
  return definition.heads.map((head, h) => ({
    head: head.name,
    model: scoreHead(
      head,
      rows.map((row) => definition.labels(row)[h]),
      probabilities[h],
      thresholds[h],
    ),
  }));
}
