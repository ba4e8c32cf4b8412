import type * as tf from "@tensorflow/tfjs";
import { evaluateHead, type HeadEvaluation } from "./evaluate.ts";
import type { Hyperparameters, ModelDefinition } from "./model_definition.ts";
import { type Split, stratifiedSplit } from "./split.ts";
import { fitCandidate, type FitResult, predictProbabilities } from "./train.ts";

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
  split: { train: number; validation: number; test: number };
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
  { seed, quiet = false, maxEpochs }: { seed: number; quiet?: boolean; maxEpochs?: number },
): Promise<TrainingOutcome<Prep>> {
  const started = performance.now();
  const split = splitRows(definition, rows, seed);
  const part = (indices: number[]) => indices.map((i) => rows[i]);
  const [train, validation, test] = [part(split.train), part(split.validation), part(split.test)];
  const preprocessing = definition.fitPreprocessing(train);
  const withEpochs = (params: Hyperparameters) =>
    maxEpochs ? { ...params, maxEpochs: Math.min(maxEpochs, params.maxEpochs) } : params;

  const fits: FitResult[] = [];
  const search: SearchTrial[] = [];
  for (const [index, params] of definition.searchSpace.map(withEpochs).entries()) {
    const trialStart = performance.now();
    const label = `${definition.name} [${index + 1}/${definition.searchSpace.length}]`;
    const fit = await fitCandidate(definition, preprocessing, params, { train, validation }, {
      seed,
      label,
      quiet,
    });
    fits.push(fit);
    search.push({
      params,
      epochs: fit.epochs,
      validationLoss: fit.validationLoss,
      seconds: (performance.now() - trialStart) / 1000,
    });
  }
  const best = fits.reduce((a, b) => (b.validationLoss < a.validationLoss ? b : a));
  const referenceParams = withEpochs(definition.reference);
  const reference = fits.find((fit) => sameParams(fit.params, referenceParams)) ??
    await fitCandidate(definition, preprocessing, referenceParams, { train, validation }, {
      seed,
      label: `${definition.name} [reference]`,
      quiet,
    });

  const probabilities = (model: tf.LayersModel, rowsOf: readonly Row[]) =>
    predictProbabilities(definition, preprocessing, model, rowsOf.map(definition.inputOf));
  const [modelValidation, modelTest] = [
    probabilities(best.model, validation),
    probabilities(best.model, test),
  ];
  const [refValidation, refTest] = [
    probabilities(reference.model, validation),
    probabilities(reference.model, test),
  ];
  const labelsOf = (rowsOf: readonly Row[], h: number) =>
    rowsOf.map((row) => definition.labels(row)[h]);
  const evaluations = definition.heads.map((head, h) =>
    evaluateHead(
      head,
      { train: labelsOf(train, h), validation: labelsOf(validation, h), test: labelsOf(test, h) },
      { validation: modelValidation[h], test: modelTest[h] },
      { validation: refValidation[h], test: refTest[h] },
    )
  );
  for (const fit of new Set([...fits, reference])) if (fit !== best) fit.model.dispose();
  return {
    model: best.model,
    preprocessing,
    params: best.params,
    search,
    evaluations,
    split: { train: train.length, validation: validation.length, test: test.length },
    seconds: (performance.now() - started) / 1000,
  };
}
