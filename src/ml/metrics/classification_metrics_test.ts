import assert from "node:assert/strict";
import {
  classificationReport,
  indicesToLabels,
  majorityBaseline,
  majorityClass,
  reportFromConfusionMatrix,
} from "./classification_metrics.ts";

/** Float comparison: our sums and sklearn's means differ in the last bits. */
function assertClose(actual: number, expected: number, tolerance = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);
}

// Multi-class fixture: class "d" has support but is never predicted.
const yTrue = ["a", "a", "b", "c", "c", "c", "d", "b", "a", "c"];
const yPred = ["a", "b", "b", "c", "a", "c", "c", "b", "a", "b"];

Deno.test("classificationReport matches scikit-learn with a never-predicted class", () => {
  const report = classificationReport(yTrue, yPred, ["a", "b", "c", "d"]);
  // Expected values from scikit-learn 1.9.1: accuracy_score, confusion_matrix and
  // precision_recall_fscore_support(labels=[...], zero_division=0).
  assertClose(report.accuracy, 0.6);
  assertClose(report.macro.precision, 0.45833333333333326);
  assertClose(report.macro.recall, 0.5416666666666666);
  assertClose(report.macro.f1, 0.47619047619047616);
  assertClose(report.weighted.precision, 0.5666666666666667);
  assertClose(report.weighted.recall, 0.6);
  assertClose(report.weighted.f1, 0.5619047619047619);
  const expected = {
    a: [0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 3],
    b: [0.5, 1.0, 0.6666666666666666, 2],
    c: [0.6666666666666666, 0.5, 0.5714285714285714, 4],
    d: [0, 0, 0, 1],
  };
  for (const [label, [precision, recall, f1, support]] of Object.entries(expected)) {
    const scores = report.perClass[label];
    assertClose(scores.precision, precision);
    assertClose(scores.recall, recall);
    assertClose(scores.f1, f1);
    assert.equal(scores.support, support);
  }
  assert.deepEqual(report.confusionMatrix, [[2, 1, 0, 0], [0, 2, 0, 0], [1, 1, 2, 0], [
    0,
    0,
    1,
    0,
  ]]);
  assert.deepEqual(report.classes, ["a", "b", "c", "d"]);
});

Deno.test("a class absent from both arrays still counts in the macro average", () => {
  const report = classificationReport(yTrue, yPred, ["a", "b", "c", "d", "e"]);
  // scikit-learn 1.9.1, labels=["a","b","c","d","e"], zero_division=0.
  assertClose(report.macro.precision, 0.3666666666666666);
  assertClose(report.macro.recall, 0.4333333333333333);
  assertClose(report.macro.f1, 0.38095238095238093);
  assertClose(report.weighted.f1, 0.5619047619047619);
  assert.deepEqual(report.perClass.e, { precision: 0, recall: 0, f1: 0, support: 0 });
  assert.deepEqual(report.confusionMatrix[4], [0, 0, 0, 0, 0]);
});

Deno.test("numeric labels, perfect and inverted predictions", () => {
  const perfect = classificationReport([0, 1, 1, 0], [0, 1, 1, 0], [0, 1]);
  assert.equal(perfect.accuracy, 1);
  assert.deepEqual(perfect.macro, { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(perfect.perClass["1"], { precision: 1, recall: 1, f1: 1, support: 2 });
  const inverted = classificationReport([0, 1, 1, 0], [1, 0, 0, 1], [0, 1]);
  assert.equal(inverted.accuracy, 0);
  assert.deepEqual(inverted.weighted, { precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(inverted.confusionMatrix, [[0, 2], [2, 0]]);
});

Deno.test("classificationReport rejects bad input with a clear message", () => {
  assert.throws(() => classificationReport(["a"], ["a", "b"], ["a", "b"]), /1 true labels but 2/);
  assert.throws(() => classificationReport([], [], ["a"]), /no samples/);
  assert.throws(() => classificationReport(["a"], ["z"], ["a"]), /predicted label "z"/);
  assert.throws(() => classificationReport(["a"], ["a"], ["a", "a"]), /duplicate labels/);
});

Deno.test("indicesToLabels maps argmax indices to labels", () => {
  assert.deepEqual(indicesToLabels([2, 0], ["low", "medium", "high"]), ["high", "low"]);
  assert.throws(() => indicesToLabels([3], ["low"]), /index 3 at position 0/);
});

Deno.test("majorityBaseline always predicts the most frequent training class", () => {
  const classes = ["x", "y", "z"];
  assert.equal(majorityClass(["x", "y", "y", "z", "y", "x"], classes), "y");
  // Ties go to the class listed first.
  assert.equal(majorityClass(["z", "x", "z", "x"], classes), "x");
  const report = majorityBaseline(["x", "y", "y", "z", "y", "x"], ["x", "y", "z", "y"], classes);
  // scikit-learn 1.9.1 on y_pred = ["y"] * 4, zero_division=0.
  assertClose(report.accuracy, 0.5);
  assertClose(report.macro.precision, 0.16666666666666666);
  assertClose(report.macro.recall, 0.3333333333333333);
  assertClose(report.macro.f1, 0.2222222222222222);
  assertClose(report.weighted.precision, 0.25);
  assertClose(report.weighted.f1, 0.3333333333333333);
  assert.throws(() => majorityClass([], classes), /no training label/);
});

Deno.test("classificationReport handles 100k samples instantly", () => {
  const classes = ["a", "b", "c", "d", "e", "f", "g", "h"];
  const labels = Array.from({ length: 100_000 }, (_, i) => classes[(i * 7919) % 8]);
  const predictions = labels.map((label, i) => (i % 3 === 0 ? classes[0] : label));
  const started = performance.now();
  const report = classificationReport(labels, predictions, classes);
  assert.ok(performance.now() - started < 500);
  assert.equal(report.confusionMatrix.flat().reduce((sum, n) => sum + n, 0), 100_000);
});

Deno.test("reportFromConfusionMatrix gives the report of the labels the counts came from", () => {
  const classes = ["a", "b", "c", "d"];
  const fromLabels = classificationReport(yTrue, yPred, classes);
  assert.deepEqual(reportFromConfusionMatrix(fromLabels.confusionMatrix, classes), fromLabels);
  assert.throws(() => reportFromConfusionMatrix([[1, 0]], ["a", "b"]), /not 2×2/);
  assert.throws(() => reportFromConfusionMatrix([[0, 0], [0, 0]], ["a", "b"]), /no samples/);
});
