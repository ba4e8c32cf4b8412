import type * as tf from "@tensorflow/tfjs";
import type { DatasetSpec } from "../data/quality.ts";
import type { EncodedBatch } from "./encoded_batch.ts";

/** One output of a model: a softmax over `classes`. */
export interface Head {
  readonly name: string;
  readonly classes: readonly string[];
}

/** Hyper-parameters of one candidate network; the search tries each. */
export interface Hyperparameters {
  readonly hidden: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly dropout: number;
  readonly batchSize: number;
  readonly maxEpochs: number;
}

/**
 * Everything model-specific, so the platform (split, training loop, evaluation, artifacts,
 * gate, serving) knows no model. `Row` is one exported training record, `Input` what
 * clients send, `Preprocessing` the JSON state fitted on the training split.
 */
export interface ModelDefinition<Row, Input, Preprocessing> {
  readonly name: string;
  readonly heads: readonly Head[];
  /** Quality rules the exported training set must meet. */
  readonly datasetSpec: DatasetSpec;
  /** Candidates of the hyper-parameter search; the first with hidden 0 is the linear reference. */
  readonly searchSpace: readonly Hyperparameters[];
  /** Linear model on the same features: the strong reference of the evaluation. */
  readonly reference: Hyperparameters;
  /** Per head, the label of a training row (in `heads` order). */
  labels(row: Row): string[];
  /** The request-shaped input of a row, so training and serving encode alike. */
  inputOf(row: Row): Input;
  fitPreprocessing(rows: readonly Row[]): Preprocessing;
  /** The JSON stored as `preprocessing.json`. */
  savePreprocessing(preprocessing: Preprocessing): unknown;
  /** Validates and restores {@link savePreprocessing}'s output; throws on a bad file. */
  loadPreprocessing(json: unknown): Preprocessing;
  /** The model inputs of a batch, as typed arrays in the network's input order. */
  encode(preprocessing: Preprocessing, inputs: readonly Input[]): EncodedBatch;
  build(preprocessing: Preprocessing, params: Hyperparameters, seed: number): tf.LayersModel;
}
