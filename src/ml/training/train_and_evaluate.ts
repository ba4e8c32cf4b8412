import type * as tf from "@tensorflow/tfjs";
import { evaluateHead, type HeadEvaluation } from "./evaluate.ts";
import { applyTemperature } from "../metrics/calibration.ts";
import type { Hyperparameters, ModelDefinition } from "../../domain/model_definition.ts";
import { type Split, stratifiedSplit } from "./split.ts";
import { evaluateSubsets, type SubsetEvaluation } from "./subset_evaluation.ts";
import { applyPriorCorrection, balancingCorrection } from "./prior_correction.ts";
import {
  disposeEncoded,
  encodeRows,
  fitCandidate,
  type FitResult,
  predictEncoded,
} from "./train.ts";

/** One tried candidate of the search. */
export interface SearchTrial {
  params: Hyperparameters;
  epochs: number;
  validationLoss: number;
  seconds: number;
}

/** A trained, evaluated model and what it took. */
export interface TrainingOutcome<Prep> {
  model: tf.LayersModel;
  preprocessing: Prep;
  params: Hyperparameters;
  search: SearchTrial[];
  evaluations: HeadEvaluation[];
  /** The model on the test split cut down to the definition's input subsets. */
  subsets: SubsetEvaluation[];
  split: { train: number; validation: number; test: number };
  /** The test split and the chosen model's calibrated probabilities on it (head, row, class). */
  test: { rows: readonly unknown[]; probabilities: number[][][] };
  /** Fitting the preprocessing and encoding the splits, once for every candidate. */
  preprocessingSeconds: number;
  seconds: number;
}

/** Fractions of the stratified split. */
export const splitFractions = { validation: 0.1, test: 0.1 };

/** The split every step (train, evaluate, benchmarks) derives from the rows and the seed. */
export function splitRows<Row>(
  definition: ModelDefinition<Row, unknown, unknown>,
  rows: readonly Row[],
  seed: number,
): Split {
  return stratifiedSplit(rows.map((row) => definition.labels(row).join("|")), {
    ...splitFractions,
    seed,
  });
}

/** Each head's test probabilities at its fitted temperature (binary heads unchanged). */
function calibrated(evaluations: readonly HeadEvaluation[], probabilities: number[][][]) {
  return probabilities.map((rows, h) => {
    const temperature = evaluations[h].calibration?.temperature;
    return temperature === undefined ? rows : rows.map((row) => applyTemperature(row, temperature));
  });
}

const sameParams = (a: Hyperparameters, b: Hyperparameters) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Splits, fits the preprocessing on the training part, runs the hyper-parameter search
 * (lowest validation loss wins), trains the linear reference unless the search already did,
 * and evaluates model, reference and majority baseline on the test part.
 */
export async function trainAndEvaluate<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  rows: readonly Row[],
  { seed, quiet = false, maxEpochs, signal }: {
    seed: number;
    quiet?: boolean;
    maxEpochs?: number;
    /** Stops the search at the next epoch (a server shutting down during a first run). */
    signal?: AbortSignal;
  },
): Promise<TrainingOutcome<Prep>> {
  const started = performance.now();
  const split = splitRows(definition, rows, seed);
  const part = (indices: number[]) => indices.map((i) => rows[i]);
  const [train, validation, test] = [part(split.train), part(split.validation), part(split.test)];
  const preprocessing = definition.fitPreprocessing(train);
  const withEpochs = (params: Hyperparameters) =>
    maxEpochs ? { ...params, maxEpochs: Math.min(maxEpochs, params.maxEpochs) } : params;

  // Text encoding is a large share of the work: each split is encoded once for all candidates.
  // Augmented rows (feature dropout) join training only: validation and test stay as sent.
  const trainRows = definition.augment ? [...train, ...definition.augment(train, seed)] : train;
  const encoded = {
    train: encodeRows(definition, preprocessing, trainRows),
    validation: encodeRows(definition, preprocessing, validation),
    test: encodeRows(definition, preprocessing, test),
  };
  const preprocessingSeconds = (performance.now() - started) / 1000;
  const fit = (params: Hyperparameters, label: string) =>
    fitCandidate(definition, preprocessing, params, encoded, { seed, label, quiet, signal });
  const fits: FitResult[] = [];
  const search: SearchTrial[] = [];
  try {
    for (const [index, params] of definition.searchSpace.map(withEpochs).entries()) {
      const trialStart = performance.now();
      const result = await fit(
        params,
        `${definition.name} [${index + 1}/${definition.searchSpace.length}]`,
      );
      fits.push(result);
      search.push({
        params,
        epochs: result.epochs,
        validationLoss: result.validationLoss,
        seconds: (performance.now() - trialStart) / 1000,
      });
    }
    const referenceParams = withEpochs(definition.reference);
    const reference = fits.find((f) => sameParams(f.params, referenceParams)) ??
      await fit(referenceParams, `${definition.name} [reference]`);
    const best = fits.reduce((a, b) => (b.validationLoss < a.validationLoss ? b : a));
    const labelsOf = (rowsOf: readonly Row[], h: number) =>
      rowsOf.map((row) => definition.labels(row)[h]);
    const corrections = definition.heads.map((head, h) => {
      if (!definition.balancedHeads?.includes(head.name)) return undefined;
      const correction = balancingCorrection(head, labelsOf(train, h));
      applyPriorCorrection(best.model, head, correction);
      return correction;
    });

    const [modelValidation, modelTest] = [
      predictEncoded(best.model, encoded.validation.x),
      predictEncoded(best.model, encoded.test.x),
    ];
    const [refValidation, refTest] = [
      predictEncoded(reference.model, encoded.validation.x),
      predictEncoded(reference.model, encoded.test.x),
    ];
    const evaluations = definition.heads.map((head, h) => {
      const evaluation = evaluateHead(
        head,
        { train: labelsOf(train, h), validation: labelsOf(validation, h), test: labelsOf(test, h) },
        { validation: modelValidation[h], test: modelTest[h] },
        { validation: refValidation[h], test: refTest[h] },
      );
      const correction = corrections[h];
      return correction ? { ...evaluation, priorCorrection: correction } : evaluation;
    });
    for (const f of new Set([...fits, reference])) if (f !== best) f.model.dispose();
    return {
      model: best.model,
      preprocessing,
      params: best.params,
      search,
      evaluations,
      subsets: evaluateSubsets(definition, preprocessing, best.model, test, evaluations),
      split: { train: train.length, validation: validation.length, test: test.length },
      // Calibrated, as serving answers: the monitoring reference describes served confidences.
      test: { rows: test, probabilities: calibrated(evaluations, modelTest) },
      preprocessingSeconds,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    disposeEncoded(encoded.train, encoded.validation, encoded.test);
  }
}
