import assert from "node:assert/strict";
import { LatencyHistogram } from "./latency_histogram.ts";
import { Reservoir } from "./sample.ts";

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

Deno.test("the reservoir keeps everything below its cap and at most the cap beyond", () => {
  const small = new Reservoir<number>(10);
  for (let i = 0; i < 5; i++) small.add(i);
  assert.deepEqual(small.items, [0, 1, 2, 3, 4]);
  const big = new Reservoir<number>(100);
  for (let i = 0; i < 100_000; i++) big.add(i);
  assert.equal(big.items.length, 100);
  assert.equal(big.seen, 100_000);
  const mean = big.items.reduce((a, b) => a + b, 0) / 100;
  assert.ok(mean > 35_000 && mean < 65_000, `uniform sample's mean ${mean}`);
});
