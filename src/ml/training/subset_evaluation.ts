import type * as tf from "@tensorflow/tfjs";
import type { InputSubset, ModelDefinition } from "../../domain/model_definition.ts";
import { type BinaryLabel, logLoss, rocAuc } from "../metrics/probability_metrics.ts";
import type { HeadEvaluation } from "./evaluate.ts";
import { predictProbabilities } from "./train.ts";

/**
 * Each binary head on inputs cut down to a subset of fields: ROC AUC (ranking) beside the
 * full-input one, and log loss (whether its probabilities stay honest with fields missing).
 */
export interface SubsetEvaluation {
  name: string;
  fields: string[];
  heads: { head: string; rocAuc: number; fullInputRocAuc: number; logLoss: number }[];
}

/** `input` with only `fields` kept. */
function pick(input: unknown, fields: readonly string[]): unknown {
  const record = input as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => record[f] != null).map((f) => [f, record[f]]));
}

/**
 * Scores the test rows cut down to each of the model's input subsets (binary heads: ROC AUC),
 * next to the full-input ROC AUC of `evaluations`.
 */
export function evaluateSubsets<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  preprocessing: Prep,
  model: tf.LayersModel,
  test: readonly Row[],
  evaluations: readonly HeadEvaluation[],
): SubsetEvaluation[] {
  return (definition.inputSubsets ?? []).map((subset: InputSubset) => {
    const inputs = test.map((row) => pick(definition.inputOf(row), subset.fields) as Input);
    const probabilities = predictProbabilities(definition, preprocessing, model, inputs);
    const heads = definition.heads.flatMap((head, h) => {
      const full = evaluations[h].model.rocAuc;
      if (head.classes.length !== 2 || full === undefined) return [];
      const truth = test.map((row) => head.classes.indexOf(definition.labels(row)[h]));
      const positive = probabilities[h].map((row) => row[1]);
      return [{
        head: head.name,
        rocAuc: rocAuc(truth as BinaryLabel[], positive),
        fullInputRocAuc: full,
        logLoss: logLoss(truth as BinaryLabel[], positive),
      }];
    });
    return { name: subset.name, fields: [...subset.fields], heads };
  });
}
