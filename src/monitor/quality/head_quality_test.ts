import assert from "node:assert/strict";
import { classificationReport } from "../../ml/metrics/classification_metrics.ts";
import type { HeadEvaluation } from "../../ml/training/evaluate.ts";
import type { HeadCounts } from "./head_accumulator.ts";
import { headQuality, referenceMetrics } from "./head_quality.ts";
import type { HeadQuality } from "./quality_types.ts";

const close = (actual: number | null, expected: number) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${actual} vs ${expected}`);

function counts(truth: string[], predicted: string[], classes: string[]): HeadCounts {
  const confusionMatrix = truth.length === 0
    ? classes.map(() => classes.map(() => 0))
    : classificationReport(truth, predicted, classes).confusionMatrix;
  return {
    head: "h",
    classes,
    n: truth.length,
    skipped: 0,
    confusionMatrix,
    logLoss: null,
    aucs: undefined,
  };
}

Deno.test("macro averages skip the classes the window never shows, as scikit-learn does", () => {
  const truth = ["b", "b", "c", "a", "b", "c", "b"];
  const predicted = ["b", "c", "c", "b", "b", "c", "a"];
  // "d" is a class of the model the window never shows.
  const head = headQuality(
    counts(truth, predicted, ["a", "b", "c", "d"]),
    undefined,
  ) as HeadQuality;
  // scikit-learn 1.9.1: precision_recall_fscore_support(average="macro", zero_division=0).
  close(head.current.accuracy, 0.5714285714285714);
  close(head.current.precision, 0.4444444444444444);
  close(head.current.recall, 0.5);
  close(head.current.f1, 0.45714285714285713);
  assert.deepEqual(head.current.perClass.d, {
    precision: 0,
    recall: 0,
    f1: 0,
    support: 0,
    rocAuc: null,
  });
  assert.equal(head.current.rocAuc, null);
  assert.equal(head.rocAucAccuracy, null);
  assert.equal(head.reference, null);
  assert.equal(head.delta, null);
});

Deno.test("a window without feedback says so instead of scoring zeros", () => {
  assert.deepEqual(headQuality(counts([], [], ["0", "1"]), undefined), {
    head: "h",
    status: "no_feedback",
    n: 0,
  });
});

Deno.test("a single labelled row gives a clear result", () => {
  const right = headQuality(counts(["1"], ["1"], ["0", "1"]), undefined) as HeadQuality;
  assert.equal(right.n, 1);
  assert.equal(right.current.accuracy, 1);
  assert.equal(right.current.f1, 1);
  assert.equal(right.positiveClass, "1");
  const wrong = headQuality(counts(["1"], ["0"], ["0", "1"]), undefined) as HeadQuality;
  assert.equal(wrong.current.accuracy, 0);
  assert.equal(wrong.current.precision, 0);
});

Deno.test("the version's test metrics are read in the head's class order, with deltas", () => {
  const test = classificationReport(["y", "x", "x", "y"], ["y", "x", "y", "y"], ["y", "x"]);
  const evaluation = {
    head: "h",
    threshold: 0.4,
    model: { ...test, logLoss: 0.3, rocAuc: 0.9 },
  } as unknown as HeadEvaluation;
  const reference = referenceMetrics(evaluation, ["x", "y"])!;
  assert.deepEqual(reference.confusionMatrix, [[1, 1], [0, 2]]);
  assert.equal(reference.accuracy, 0.75);
  assert.equal(reference.rocAuc, 0.9);
  assert.equal(reference.perClass.x.rocAuc, 0.9);
  assert.equal(referenceMetrics(evaluation, ["x", "z"]), null);
  assert.equal(referenceMetrics({ head: "h" } as unknown as HeadEvaluation, ["x", "y"]), null);

  const head = headQuality(counts(["x", "y"], ["x", "x"], ["x", "y"]), evaluation) as HeadQuality;
  assert.equal(head.threshold, 0.4);
  close(head.delta!.accuracy, 0.5 - 0.75);
  assert.equal(head.delta!.rocAuc, null);
  assert.equal(head.delta!.logLoss, null);
});
