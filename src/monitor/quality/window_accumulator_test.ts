import assert from "node:assert/strict";
import type { LabelledPrediction } from "../../db/mod.ts";
import { classificationReport } from "../../ml/metrics/classification_metrics.ts";
import { type BinaryLabel, logLoss, rocAuc } from "../../ml/metrics/probability_metrics.ts";
import { WindowAccumulator } from "./window_accumulator.ts";

const churn = { name: "churn", classes: ["0", "1"] };

/** Seeded churn rows: truth, the label at threshold 0.5 and both scores. */
function churnRows(n: number, seed = 11): LabelledPrediction[] {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, (_, i) => {
    const truth = random() < 0.35 ? "1" : "0";
    const p = Math.min(1, (truth === "1" ? 0.25 : 0) + random() * 0.75);
    return {
      predictionId: `p${i}`,
      head: "churn",
      truth,
      predicted: p >= 0.5 ? "1" : "0",
      scores: { "0": 1 - p, "1": p },
    };
  });
}

function feed(accumulator: WindowAccumulator, rows: LabelledPrediction[], pageSize: number) {
  for (let start = 0; start < rows.length; start += pageSize) {
    accumulator.addPage(rows.slice(start, start + pageSize));
  }
}

Deno.test("counts fed page by page equal the metrics of all rows at once", () => {
  const rows = churnRows(500);
  const accumulator = new WindowAccumulator([churn]);
  feed(accumulator, rows, 7);
  const [counts] = accumulator.counts();
  const truth = rows.map((r) => r.truth);
  const report = classificationReport(truth, rows.map((r) => r.predicted), churn.classes);
  assert.deepEqual(counts.confusionMatrix, report.confusionMatrix);
  assert.equal(counts.n, 500);
  const binary = truth.map((t) => Number(t) as BinaryLabel);
  const p = rows.map((r) => r.scores["1"]);
  assert.ok(Math.abs(counts.logLoss! - logLoss(binary, p)) < 1e-12);
  assert.equal(counts.aucs?.method, "exact");
  assert.equal(counts.aucs?.perClass[1].value, rocAuc(binary, p));
  assert.deepEqual(accumulator.stats, { pages: 72, rows: 500, largestPage: 7, unknownHead: 0 });
});

Deno.test("past the exact-score cap, ROC AUC comes from histograms within their bound", () => {
  const rows = churnRows(3_000, 5);
  const accumulator = new WindowAccumulator([churn], { exactScoreCap: 100, bins: 1_000 });
  let mostRetained = 0;
  for (let start = 0; start < rows.length; start += 7) {
    accumulator.addPage(rows.slice(start, start + 7));
    mostRetained = Math.max(mostRetained, accumulator.retainedScores);
  }
  assert.ok(mostRetained > 90 && mostRetained <= 100, `${mostRetained} exact scores held`);
  assert.equal(accumulator.retainedScores, 0);
  const { aucs } = accumulator.counts()[0];
  const exact = rocAuc(
    rows.map((r) => Number(r.truth) as BinaryLabel),
    rows.map((r) => r.scores["1"]),
  );
  assert.equal(aucs?.method, "histogram");
  const { value, errorBound } = aucs!.perClass[1];
  assert.ok(errorBound > 0 && Math.abs(value! - exact) <= errorBound, `${value} vs ${exact}`);
});

Deno.test("labels that are not classes, unknown heads and missing scores are left out, not fatal", () => {
  const accumulator = new WindowAccumulator([churn]);
  const [row] = churnRows(1);
  accumulator.addPage([
    row,
    { ...row, truth: "maybe" },
    { ...row, head: "urgency" },
    { ...row, predictionId: "q", scores: { "1": 0.7 } },
  ]);
  const [counts] = accumulator.counts();
  assert.equal(counts.n, 2);
  assert.equal(counts.skipped, 1);
  assert.equal(accumulator.stats.unknownHead, 1);
  // One row without its scores: AUC and log loss would describe another set of rows.
  assert.equal(counts.logLoss, null);
  assert.equal(counts.aucs, undefined);
});

Deno.test("a window with no row counts nothing and holds nothing", () => {
  const accumulator = new WindowAccumulator([churn]);
  const [counts] = accumulator.counts();
  assert.equal(counts.n, 0);
  assert.equal(counts.logLoss, null);
  assert.equal(counts.aucs, undefined);
  assert.deepEqual(counts.confusionMatrix, [[0, 0], [0, 0]]);
});
