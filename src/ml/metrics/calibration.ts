/**
 * Confidence calibration of a multi-class head: temperature scaling (one scalar fitted on the
 * validation split, which softens or sharpens every softmax alike and never changes the
 * argmax), the expected calibration error it is judged by, and the confidence below which
 * an answer should go to a person for a target precision.
 * @module
 */

/** Softmax probabilities recomputed at `temperature`: p_i^(1/T), normalised. */
export function applyTemperature(probabilities: ArrayLike<number>, temperature: number): number[] {
  // Plain loops: serving runs this for every head of every prediction.
  const exponent = 1 / temperature;
  const scaled = new Array<number>(probabilities.length);
  let total = 0;
  for (let i = 0; i < scaled.length; i++) {
    scaled[i] = Math.max(probabilities[i], 1e-12) ** exponent;
    total += scaled[i];
  }
  for (let i = 0; i < scaled.length; i++) scaled[i] /= total;
  return scaled;
}

function negativeLogLikelihood(
  probabilities: readonly (readonly number[])[],
  truth: readonly number[],
  temperature: number,
): number {
  let total = 0;
  probabilities.forEach((row, i) => {
    total -= Math.log(Math.max(applyTemperature(row, temperature)[truth[i]], 1e-15));
  });
  return total / probabilities.length;
}

/**
 * The temperature minimising the log loss of `probabilities` against `truth` (class indices):
 * a golden-section search over log T in [1/20, 20] (the loss is unimodal in T).
 */
export function fitTemperature(
  probabilities: readonly (readonly number[])[],
  truth: readonly number[],
): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [low, high] = [Math.log(0.05), Math.log(20)];
  const loss = (logT: number) => negativeLogLikelihood(probabilities, truth, Math.exp(logT));
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let [lossA, lossB] = [loss(a), loss(b)];
  for (let step = 0; step < 40; step++) {
    if (lossA < lossB) {
      [high, b, lossB] = [b, a, lossA];
      a = high - ratio * (high - low);
      lossA = loss(a);
    } else {
      [low, a, lossA] = [a, b, lossB];
      b = low + ratio * (high - low);
      lossB = loss(b);
    }
  }
  return Math.exp((low + high) / 2);
}

const argmax = (row: readonly number[]) => row.indexOf(Math.max(...row));

/**
 * Expected calibration error: the support-weighted mean gap between confidence (the top
 * probability) and accuracy over `bins` equal-width confidence bins.
 */
export function expectedCalibrationError(
  probabilities: readonly (readonly number[])[],
  truth: readonly number[],
  bins = 15,
): number {
  const sums = Array.from({ length: bins }, () => ({ count: 0, confidence: 0, correct: 0 }));
  probabilities.forEach((row, i) => {
    const predicted = argmax(row);
    const bin = sums[Math.min(bins - 1, Math.floor(row[predicted] * bins))];
    bin.count++;
    bin.confidence += row[predicted];
    bin.correct += predicted === truth[i] ? 1 : 0;
  });
  let error = 0;
  for (const { count, confidence, correct } of sums) {
    if (count > 0) error += Math.abs(confidence - correct) / probabilities.length;
  }
  return error;
}

/** One point of the review curve: answers at or above `threshold` and how right they are. */
export interface ReviewPoint {
  threshold: number;
  /** Accuracy of the answers kept (confidence >= threshold). */
  precision: number;
  /** Share of answers kept. */
  coverage: number;
}

/**
 * Precision and coverage of the answers whose confidence reaches each threshold, at up to
 * `points` thresholds (confidence quantiles, highest first): what a target precision costs
 * in answers sent to review. Serving picks the lowest threshold meeting its target.
 */
export function reviewCurve(
  probabilities: readonly (readonly number[])[],
  truth: readonly number[],
  points = 40,
): ReviewPoint[] {
  const answers = probabilities.map((row, i) => {
    const predicted = argmax(row);
    return { confidence: row[predicted], correct: predicted === truth[i] };
  }).sort((a, b) => b.confidence - a.confidence);
  const curve: ReviewPoint[] = [];
  let correct = 0;
  const step = Math.max(1, Math.floor(answers.length / points));
  answers.forEach(({ confidence, correct: right }, i) => {
    correct += right ? 1 : 0;
    const kept = i + 1;
    const last = kept === answers.length;
    // Cut between distinct confidences only, so "confidence >= threshold" keeps exactly these.
    if ((kept % step === 0 || last) && (last || answers[i + 1].confidence < confidence)) {
      curve.push({
        threshold: confidence,
        precision: correct / kept,
        coverage: kept / answers.length,
      });
    }
  });
  return curve;
}

/**
 * The lowest threshold of `curve` whose precision meets `target`, or undefined when none
 * does (then every answer needs review).
 */
export function reviewThreshold(curve: readonly ReviewPoint[], target: number): number | undefined {
  let chosen: number | undefined;
  for (const point of curve) if (point.precision >= target) chosen = point.threshold;
  return chosen;
}
