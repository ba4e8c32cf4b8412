import type { Head } from "../../domain/model_codec.ts";
import type { PriorCorrection } from "./prior_correction.ts";
import {
  type ClassificationReport,
  classificationReport,
  majorityBaseline,
} from "../metrics/classification_metrics.ts";
import {
  applyTemperature,
  expectedCalibrationError,
  fitTemperature,
  reviewCurve,
  type ReviewPoint,
} from "../metrics/calibration.ts";
import {
  bestF1Threshold,
  type BinaryLabel,
  logLoss,
  multiclassLogLoss,
  rocAuc,
} from "../metrics/probability_metrics.ts";

/** Scores of one predictor on one head of the test split. */
export interface HeadScores extends ClassificationReport {
  logLoss: number;
  /** Binary heads only. */
  rocAuc?: number;
}

/** Temperature scaling of a multi-class head, fitted on validation, and what it changed. */
export interface HeadCalibration {
  /** Serving divides the logits by it (applies it to the probabilities). */
  temperature: number;
  /** Expected calibration error (15 bins) before and after, on validation and test. */
  ece: {
    validation: { before: number; after: number };
    test: { before: number; after: number };
  };
  /** Calibrated confidence thresholds on validation with the precision each keeps. */
  review: ReviewPoint[];
}

/** The evaluation of one head: model, strong reference, trivial baseline. */
export interface HeadEvaluation {
  head: string;
  /** Binary heads: threshold on P(positive) chosen on validation to maximise F1. */
  threshold?: number;
  /** Multi-class heads: their calibration. */
  calibration?: HeadCalibration;
  /** Multi-class heads: the logit adjustment folded into the network before evaluation. */
  priorCorrection?: PriorCorrection;
  model: HeadScores;
  reference: HeadScores;
  baseline: ClassificationReport;
}

/** Probabilities of one predictor for one head: validation and test rows. */
export interface HeadProbabilities {
  validation: number[][];
  test: number[][];
}

const argmax = (row: readonly number[]) => row.indexOf(Math.max(...row));

/**
 * Scores probabilities against the truth: argmax for multi-class heads, `P(class 1) >=
 * threshold` for binary ones (which also get ROC AUC).
 */
export function scoreHead(
  head: Head,
  truth: readonly string[],
  probabilities: readonly number[][],
  threshold: number | undefined,
): HeadScores {
  const truthIndex = truth.map((label) => head.classes.indexOf(label));
  const predicted = probabilities.map((row) =>
    head.classes[threshold === undefined ? argmax(row) : row[1] >= threshold ? 1 : 0]
  );
  const report = classificationReport(truth, predicted, head.classes);
  if (threshold === undefined) {
    return { ...report, logLoss: multiclassLogLoss(truthIndex, probabilities) };
  }
  const positive = probabilities.map((row) => row[1]);
  const binaryTruth = truthIndex as BinaryLabel[];
  return {
    ...report,
    logLoss: logLoss(binaryTruth, positive),
    rocAuc: rocAuc(binaryTruth, positive),
  };
}

function chooseThreshold(head: Head, truth: readonly string[], validation: number[][]) {
  const binaryTruth = truth.map((label) => head.classes.indexOf(label)) as BinaryLabel[];
  return bestF1Threshold(binaryTruth, validation.map((row) => row[1])).threshold;
}

/** Fits a multi-class head's temperature on validation; reports ECE and the review curve. */
export function calibrateHead(
  head: Head,
  labels: { validation: readonly string[]; test: readonly string[] },
  model: HeadProbabilities,
): HeadCalibration {
  const index = (truth: readonly string[]) => truth.map((label) => head.classes.indexOf(label));
  const [validationTruth, testTruth] = [index(labels.validation), index(labels.test)];
  const temperature = fitTemperature(model.validation, validationTruth);
  const scaled = (rows: number[][]) => rows.map((row) => applyTemperature(row, temperature));
  const calibrated = { validation: scaled(model.validation), test: scaled(model.test) };
  return {
    temperature,
    ece: {
      validation: {
        before: expectedCalibrationError(model.validation, validationTruth),
        after: expectedCalibrationError(calibrated.validation, validationTruth),
      },
      test: {
        before: expectedCalibrationError(model.test, testTruth),
        after: expectedCalibrationError(calibrated.test, testTruth),
      },
    },
    review: reviewCurve(calibrated.validation, validationTruth),
  };
}

/**
 * Evaluates one head on the test split. Binary heads get a decision threshold chosen on the
 * validation split (maximising F1; the reference gets its own), ROC AUC and log loss;
 * multi-class heads a temperature (scores stay those of the raw probabilities: temperature
 * never moves an argmax, and `deno task evaluate` reproduces them from the network alone).
 */
export function evaluateHead(
  head: Head,
  labels: { train: readonly string[]; validation: readonly string[]; test: readonly string[] },
  model: HeadProbabilities,
  reference: HeadProbabilities,
): HeadEvaluation {
  const binary = head.classes.length === 2;
  const threshold = binary ? chooseThreshold(head, labels.validation, model.validation) : undefined;
  const referenceThreshold = binary
    ? chooseThreshold(head, labels.validation, reference.validation)
    : undefined;
  return {
    head: head.name,
    ...(threshold === undefined ? {} : { threshold }),
    ...(binary ? {} : { calibration: calibrateHead(head, labels, model) }),
    model: scoreHead(head, labels.test, model.test, threshold),
    reference: scoreHead(head, labels.test, reference.test, referenceThreshold),
    baseline: majorityBaseline(labels.train, labels.test, head.classes),
  };
}
