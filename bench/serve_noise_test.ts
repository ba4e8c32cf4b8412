import assert from "node:assert/strict";
import { judgeRegression, median, type NoiseSample, spread } from "./serve_noise.ts";

const sample = (over: Partial<NoiseSample> = {}): NoiseSample => ({
  rate: 1000,
  rounds: [980, 1000, 1020],
  startToFirst: [0.5, 0.52, 0.55, 0.51, 0.5],
  peakMB: 150,
  roundPeaksMB: [140, 143, 142],
  ...over,
});

Deno.test("median and spread of a few numbers", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(spread([3, 1, 2]), 2);
  assert.equal(spread([7]), 0);
  assert.equal(spread([]), 0);
});

Deno.test("a difference inside the larger of the two spreads is noise", () => {
  const baseline = sample();
  // 4% of rate band from ours' rounds, 0.05 s of start-up band, 3 MB of peak band.
  const ours = sample({ rate: 965, rounds: [965, 950, 990], startToFirst: [0.54, 0.55, 0.56] });
  const judgement = judgeRegression({ ...ours, peakMB: 153 }, baseline);
  assert.equal(judgement.throughput.ratio, 0.965);
  assert.equal(judgement.throughput.band, 40 / 965);
  assert.equal(judgement.startToFirst.band.toFixed(2), "0.05");
  assert.equal(judgement.peakRss.band, 3);
  assert.equal(judgement.regressed, false);
});

Deno.test("worse than the baseline beyond the band is a regression; better never is", () => {
  const baseline = sample();
  const slower = judgeRegression(sample({ rate: 900, rounds: [890, 900, 910] }), baseline);
  assert.equal(slower.throughput.regressed, true);
  assert.equal(slower.regressed, true);
  const late = judgeRegression(sample({ startToFirst: [0.7, 0.71, 0.72] }), baseline);
  assert.deepEqual([late.startToFirst.regressed, late.throughput.regressed], [true, false]);
  const bigger = judgeRegression(sample({ peakMB: 154 }), baseline);
  assert.deepEqual([bigger.peakRss.regressed, bigger.regressed], [true, true]);
  const better = judgeRegression(
    sample({ rate: 1500, startToFirst: [0.1], peakMB: 90, roundPeaksMB: [] }),
    baseline,
  );
  assert.equal(better.regressed, false);
});

Deno.test("one round measures no spread: any loss counts", () => {
  const one = (rate: number) => sample({ rate, rounds: [rate], roundPeaksMB: [150] });
  assert.equal(judgeRegression(one(999), one(1000)).throughput.regressed, true);
  assert.equal(judgeRegression(one(1000), one(1000)).throughput.regressed, false);
});
