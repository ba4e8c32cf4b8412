import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { applyPriorCorrection, balancingCorrection, classPrior } from "./prior_correction.ts";

/** `probabilities` as the head should answer after a correction of strength `tau`. */
function correctedProbabilities(
  probabilities: readonly number[],
  prior: readonly number[],
  tau: number,
): number[] {
  const scaled = probabilities.map((p, k) => p * Math.pow(prior[k], -tau));
  const total = scaled.reduce((sum, p) => sum + p, 0);
  return scaled.map((p) => p / total);
}

const head = { name: "urgency", classes: ["common", "rare"] as string[] };
const three = { name: "level", classes: ["a", "b", "c"] as string[] };

Deno.test("a correction of strength 1 divides out the prior; 0 changes nothing", () => {
  const prior = [0.8, 0.1, 0.1];
  assert.deepEqual(correctedProbabilities([0.6, 0.2, 0.2], prior, 0), [0.6, 0.2, 0.2]);
  const balanced = correctedProbabilities([0.8, 0.1, 0.1], prior, 1);
  for (const p of balanced) assert.ok(Math.abs(p - 1 / 3) < 1e-12);
  assert.deepEqual(classPrior(head, ["common", "common", "common"]), [0.75, 0.25]);
});

Deno.test("the balancing correction makes a head call the rare class it under-called", () => {
  // The rare class "c" is always its true label's second choice behind "a": raw argmax never
  // calls it; dividing out its small training prior does, and the common class keeps its rows.
  const labels = [...Array(80).fill("a"), ...Array(10).fill("b"), ...Array(10).fill("c")];
  const probabilities = labels.map((label) =>
    label === "a" ? [0.9, 0.05, 0.05] : label === "b" ? [0.2, 0.7, 0.1] : [0.5, 0.05, 0.45]
  );
  const correction = balancingCorrection(three, labels);
  assert.equal(correction.tau, 1);
  assert.deepEqual(correction.prior, [0.8, 0.1, 0.1]);
  const called = (rows: number[][]) =>
    rows.map((row) => three.classes[row.indexOf(Math.max(...row))]);
  assert.equal(called(probabilities).filter((c) => c === "c").length, 0);
  const corrected = called(
    probabilities.map((row) => correctedProbabilities(row, correction.prior, correction.tau)),
  );
  assert.deepEqual(corrected, labels);
});

Deno.test("the correction folded into the softmax layer gives the corrected probabilities", () => {
  const input = tf.input({ shape: [2] });
  const output = tf.layers.dense({ units: 3, activation: "softmax", name: "level" })
    .apply(input) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  const x = tf.tensor2d([[0.3, -1.2], [2, 0.5]]);
  const before = (model.predict(x) as tf.Tensor).arraySync() as number[][];
  const correction = { tau: 0.5, prior: [0.7, 0.2, 0.1] };
  applyPriorCorrection(model, three, correction);
  const after = (model.predict(x) as tf.Tensor).arraySync() as number[][];
  before.forEach((row, i) => {
    const expected = correctedProbabilities(row, correction.prior, correction.tau);
    expected.forEach((p, k) =>
      assert.ok(Math.abs(p - after[i][k]) < 1e-5, `${p} vs ${after[i][k]}`)
    );
  });
  x.dispose();
  model.dispose();
});
