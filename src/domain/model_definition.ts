import type * as tf from "@tensorflow/tfjs";
import type { DatasetSpec } from "./dataset_spec.ts";
import type { ModelCodec } from "./model_codec.ts";

/** Hyper-parameters of one candidate network; the search tries each. */
export interface Hyperparameters {
  readonly hidden: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly dropout: number;
  readonly batchSize: number;
  readonly maxEpochs: number;
  /**
   * Examples a fit may see, in whole epochs (the nearest count, at least one): a budget that
   * holds whatever the row count, where `maxEpochs` alone would let a large set run long.
   */
  readonly maxExamples?: number;
  /** Epochs without a lower validation loss before training stops (the best one is kept). */
  readonly patience: number;
}

/** A named subset of a model's input fields. */
export interface InputSubset {
  readonly name: string;
  readonly fields: readonly string[];
}

/**
 * Everything model-specific, so the platform (split, training loop, evaluation, artifacts,
 * gate, serving) knows no model: the serving codec plus what training needs. `Row` is one
 * exported training record, `Input` what clients send, `Preprocessing` the JSON state
 * fitted on the training split.
 */
export interface ModelDefinition<Row, Input, Preprocessing>
  extends ModelCodec<Input, Preprocessing> {
  /** Quality rules the exported training set must meet. */
  readonly datasetSpec: DatasetSpec;
  /** Candidates of the hyper-parameter search; the first with hidden 0 is the linear reference. */
  readonly searchSpace: readonly Hyperparameters[];
  /** Linear model on the same features: the strong reference of the evaluation. */
  readonly reference: Hyperparameters;
  /**
   * Multi-class heads whose training prior is divided out once trained
   * (`ml/training/prior_correction.ts`): those whose rare classes cost most when missed.
   */
  readonly balancedHeads?: readonly string[];
  /** Per head, the label of a training row (in `heads` order). */
  labels(row: Row): string[];
  /** The request-shaped input of a row, so training and serving encode alike. */
  inputOf(row: Row): Input;
  fitPreprocessing(rows: readonly Row[]): Preprocessing;
  /**
   * Extra training rows made from the training split (after the preprocessing is fitted on
   * it), e.g. copies with features left out for a model that scores partial inputs.
   */
  augment?(rows: readonly Row[], seed: number): Row[];
  /**
   * Inputs of fewer fields that clients send: the evaluation also scores the test split cut
   * down to each (ROC AUC of binary heads), beside the full-input figures.
   */
  readonly inputSubsets?: readonly InputSubset[];
  /** The JSON stored as `preprocessing.json`. */
  savePreprocessing(preprocessing: Preprocessing): unknown;
  build(preprocessing: Preprocessing, params: Hyperparameters, seed: number): tf.LayersModel;
}
