import assert from "node:assert/strict";
import { createRandom } from "../random.ts";
import {
  bestF1Threshold,
  type BinaryLabel,
  logLoss,
  multiclassLogLoss,
  rocAuc,
} from "./probability_metrics.ts";

function assertClose(actual: number, expected: number, tolerance = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);
}

// Binary fixture with tied scores (0.4 three times, 0.35 twice) across both classes.
const yTrue: BinaryLabel[] = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0];
const scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2, 0.9, 0.35, 0.6];

Deno.test("rocAuc matches scikit-learn with tied scores", () => {
  // sklearn.metrics.roc_auc_score (scikit-learn 1.9.1).
  assertClose(rocAuc(yTrue, scores), 0.68);
});

Deno.test("rocAuc: perfect, inverted, constant and single-class inputs", () => {
  assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), 1);
  assert.equal(rocAuc([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]), 0);
  assert.equal(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 0.5);
  // Undefined with one class; scikit-learn 1.9.1 returns nan too.
  assert.ok(Number.isNaN(rocAuc([1, 1], [0.2, 0.3])));
  assert.throws(() => rocAuc([0, 1], [0.1]), /2 labels but 1 scores/);
  assert.throws(() => rocAuc([0, 2 as BinaryLabel], [0.1, 0.2]), /not 0 or 1/);
  assert.throws(() => rocAuc([0, 1], [0.1, NaN]), /not finite/);
});

Deno.test("rocAuc equals the pairwise definition on random tied data", () => {
  const random = createRandom(7);
  const labels = Array.from({ length: 300 }, () => (random.chance(0.3) ? 1 : 0) as BinaryLabel);
  const values = labels.map((y) => Math.round((random.next() + y * 0.3) * 10) / 10);
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < labels.length; j++) {
      if (labels[i] !== 1 || labels[j] !== 0) continue;
      pairs++;
      wins += values[i] > values[j] ? 1 : values[i] === values[j] ? 0.5 : 0;
    }
  }
  assertClose(rocAuc(labels, values), wins / pairs);
});

Deno.test("logLoss and multiclassLogLoss match scikit-learn", () => {
  // sklearn.metrics.log_loss (scikit-learn 1.9.1).
  assertClose(logLoss(yTrue, scores), 0.5610885094221719);
  const rows = [
    [0.7, 0.2, 0.1],
    [0.1, 0.3, 0.6],
    [0.25, 0.5, 0.25],
    [0.5, 0.4, 0.1],
    [0.9, 0.05, 0.05],
  ];
  assertClose(multiclassLogLoss([0, 2, 1, 2, 0], rows), 0.793718671383308);
});

Deno.test("log loss clips certain mistakes at eps = 1e-15", () => {
  // numpy: -log(1e-15) and mean(-log(1e-15), -log(1 - 1e-15), -log(0.5)).
  assertClose(logLoss([1], [0]), 34.538776394910684, 1e-9);
  assertClose(logLoss([1, 0, 1], [0, 0, 0.5]), 11.743974525156878, 1e-9);
  assertClose(multiclassLogLoss([1], [[1, 0]]), 34.538776394910684, 1e-9);
  assert.ok(Number.isFinite(logLoss([0], [1])));
  assert.throws(() => multiclassLogLoss([3], [[0.5, 0.5]]), /outside its row/);
  assert.throws(() => multiclassLogLoss([], []), /no samples/);
});

Deno.test("bestF1Threshold matches a scikit-learn f1_score scan", () => {
  // f1_score / precision_score / recall_score (scikit-learn 1.9.1) at each distinct score.
  const choice = bestF1Threshold(yTrue, scores);
  assert.equal(choice.threshold, 0.35);
  assertClose(choice.f1, 0.7692307692307693);
  assertClose(choice.precision, 0.625);
  assertClose(choice.recall, 1);
});

Deno.test("bestF1Threshold breaks F1 ties towards the highest threshold", () => {
  // F1 = 0.5 both at 0.8 (TP 1, FP 1) and at 0.4 (TP 2, FP 4).
  const choice = bestF1Threshold([0, 1, 0, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]);
  assert.deepEqual(choice, { threshold: 0.8, f1: 0.5, precision: 0.5, recall: 0.5 });
  assert.deepEqual(bestF1Threshold([0, 0], [0.3, 0.6]), {
    threshold: 0.6,
    f1: 0,
    precision: 0,
    recall: 0,
  });
  assert.deepEqual(bestF1Threshold([1, 1, 0], [0.9, 0.9, 0.1]), {
    threshold: 0.9,
    f1: 1,
    precision: 1,
    recall: 1,
  });
});

Deno.test("probability metrics handle 100k samples instantly", () => {
  const random = createRandom(11);
  const labels = Array.from({ length: 100_000 }, () => (random.chance(0.2) ? 1 : 0) as BinaryLabel);
  const probabilities = labels.map((y) => Math.min(1, random.next() * 0.8 + y * 0.2));
  const started = performance.now();
  const auc = rocAuc(labels, probabilities);
  bestF1Threshold(labels, probabilities);
  logLoss(labels, probabilities);
  assert.ok(performance.now() - started < 1000);
  assert.ok(auc > 0.5 && auc < 1);
});
