import assert from "node:assert/strict";
import { createRandom } from "../random.ts";
import {
  applyTemperature,
  expectedCalibrationError,
  fitTemperature,
  reviewCurve,
  reviewThreshold,
} from "./calibration.ts";

/** Over-confident answers: right 70% of the time, always claiming about 97%. */
function overconfident(count: number, seed: number) {
  const random = createRandom(seed);
  const probabilities: number[][] = [];
  const truth: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = random.int(0, 3);
    const right = random.chance(0.7);
    const predicted = right ? label : (label + random.int(1, 3)) % 4;
    const row = [0.01, 0.01, 0.01, 0.01];
    row[predicted] = 0.97;
    probabilities.push(row);
    truth.push(label);
  }
  return { probabilities, truth };
}

Deno.test("temperature keeps the argmax and sums to one", () => {
  for (const temperature of [0.5, 1, 3]) {
    const scaled = applyTemperature([0.7, 0.2, 0.1], temperature);
    assert.ok(Math.abs(scaled.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.equal(scaled.indexOf(Math.max(...scaled)), 0);
  }
  assert.deepEqual(applyTemperature([0.7, 0.2, 0.1], 1).map((p) => p.toFixed(12)), [
    "0.700000000000",
    "0.200000000000",
    "0.100000000000",
  ]);
});

Deno.test("temperature scaling softens over-confidence and lowers the ECE", () => {
  const fit = overconfident(2000, 5);
  const temperature = fitTemperature(fit.probabilities, fit.truth);
  assert.ok(temperature > 1, `temperature ${temperature}`);
  const check = overconfident(2000, 6);
  const before = expectedCalibrationError(check.probabilities, check.truth);
  const after = expectedCalibrationError(
    check.probabilities.map((row) => applyTemperature(row, temperature)),
    check.truth,
  );
  assert.ok(before > 0.2, `before ${before}`);
  assert.ok(after < 0.05, `after ${after}`);
});

Deno.test("the review curve keeps the precision it promises", () => {
  const random = createRandom(9);
  // Confidence tells: the higher it is, the likelier the answer is right.
  const probabilities: number[][] = [];
  const truth: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const confidence = 0.4 + 0.6 * random.next();
    probabilities.push([confidence, 1 - confidence]);
    truth.push(random.chance(confidence) ? 0 : 1);
  }
  const curve = reviewCurve(probabilities, truth);
  assert.ok(curve.length >= 20);
  const threshold = reviewThreshold(curve, 0.9)!;
  const kept = probabilities.map((row, i) => ({ row, i })).filter(({ row }) => row[0] >= threshold);
  const precision = kept.filter(({ i }) => truth[i] === 0).length / kept.length;
  assert.ok(precision >= 0.9, `precision ${precision}`);
  assert.ok(kept.length < probabilities.length && kept.length > 300);
  assert.equal(reviewThreshold(curve, 1.01), undefined);
});
