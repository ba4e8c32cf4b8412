import assert from "node:assert/strict";
import { type BinaryLabel, rocAuc } from "../../ml/metrics/probability_metrics.ts";
import { ScoreHistogram } from "./score_histogram.ts";

/** A seeded stream of labelled scores: positives score higher on average. */
function sample(n: number, seed: number, decimals?: number) {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const truth: BinaryLabel[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.4;
    const score = Math.min(1, Math.max(0, (positive ? 0.3 : 0) + random() * 0.7));
    truth.push(positive ? 1 : 0);
    scores.push(decimals === undefined ? score : Number(score.toFixed(decimals)));
  }
  return { truth, scores };
}

Deno.test("histogram AUC is within its reported bound of the exact value", () => {
  const cases: [bins: number, decimals?: number][] = [[10_000], [100], [10, 2], [1_000, 3]];
  for (const [bins, decimals] of cases) {
    const { truth, scores } = sample(5_000, 7 + bins, decimals);
    const histogram = new ScoreHistogram(bins);
    truth.forEach((t, i) => histogram.add(scores[i], t === 1));
    const exact = rocAuc(truth, scores);
    const { value, errorBound } = histogram.auc();
    assert.ok(value !== null);
    assert.ok(Math.abs(value - exact) <= errorBound, `${bins} bins: ${value} vs ${exact}`);
    // The bound shrinks with the bin width: 10,000 bins keep it well under 1e-3.
    if (bins === 10_000) assert.ok(errorBound < 1e-3, `bound ${errorBound}`);
  }
});

Deno.test("histogram AUC is exact when no bin holds both classes", () => {
  const histogram = new ScoreHistogram(10);
  for (const score of [0.05, 0.15, 0.12]) histogram.add(score, false);
  for (const score of [0.55, 0.95, 1]) histogram.add(score, true);
  histogram.add(0.35, true);
  assert.deepEqual(histogram.auc(), { value: 1, errorBound: 0 });
});

Deno.test("histogram AUC of one class is undefined, not 0 or 0.5", () => {
  const histogram = new ScoreHistogram();
  histogram.add(0.3, true);
  histogram.add(0.9, true);
  assert.deepEqual(histogram.auc(), { value: null, errorBound: 0 });
  assert.deepEqual(new ScoreHistogram().auc(), { value: null, errorBound: 0 });
  assert.throws(() => new ScoreHistogram(0), /0 bins/);
});

Deno.test("scores outside [0, 1] land in the edge bins", () => {
  const histogram = new ScoreHistogram(4);
  histogram.add(-0.5, false);
  histogram.add(1.5, true);
  assert.deepEqual(histogram.auc(), { value: 1, errorBound: 0 });
});
