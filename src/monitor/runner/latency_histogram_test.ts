import assert from "node:assert/strict";
import { LatencyHistogram } from "./latency_histogram.ts";

Deno.test("p99 from the histogram is within 1% above the exact nearest-rank value", () => {
  const histogram = new LatencyHistogram();
  const values = Array.from({ length: 10_000 }, (_, i) => 0.5 + ((i * 7919) % 10_000) / 37);
  for (const v of values) histogram.add(v);
  const exact = [...values].sort((a, b) => a - b)[Math.ceil(0.99 * values.length) - 1];
  const p99 = histogram.quantile(0.99)!;
  assert.ok(p99 >= exact && p99 <= exact * 1.01, `${p99} against ${exact}`);
});

Deno.test("a histogram without latencies has no quantile; one value is its own p99", () => {
  const histogram = new LatencyHistogram();
  assert.equal(histogram.quantile(0.99), undefined);
  histogram.add(Number.NaN);
  histogram.add(12.5);
  assert.equal(histogram.count, 1);
  assert.equal(histogram.quantile(0.99), 12.5);
});
