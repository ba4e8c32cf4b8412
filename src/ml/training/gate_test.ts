import assert from "node:assert/strict";
import type { HeadEvaluation } from "./evaluate.ts";
import { judge } from "./gate.ts";
import { classificationReport } from "../metrics/classification_metrics.ts";

const classes = ["a", "b", "c"];
const report = (correct: number) => {
  const truth = Array.from({ length: 100 }, (_, i) => classes[i % 3]);
  const predicted = truth.map((label, i) => (i < correct ? label : classes[(i + 1) % 3]));
  return classificationReport(truth, predicted, classes);
};
const baseline = classificationReport(
  Array.from({ length: 100 }, (_, i) => classes[i % 3]),
  Array.from({ length: 100 }, () => "a"),
  classes,
);
const evaluation = (correct: number): HeadEvaluation => ({
  head: "topic",
  model: { ...report(correct), logLoss: 0.5 },
  reference: { ...report(correct), logLoss: 0.5 },
  baseline,
});

Deno.test("a good model with nothing pinned is promotable", () => {
  const verdict = judge([evaluation(90)], undefined);
  assert.equal(verdict.promotable, true);
  assert.equal(verdict.pinnedVersion, null);
  assert.match(verdict.checks[0].reason, /^passes: macro_f1/);
});

Deno.test("a model that does not beat the baseline by the margin is refused", () => {
  const verdict = judge([evaluation(35)], undefined);
  assert.equal(verdict.promotable, false);
  assert.match(verdict.checks[0].reason, /does not beat the baseline/);
});

Deno.test("a model worse than the pinned version beyond the tolerance is refused", () => {
  const pinned = { version: "v1", evaluations: [evaluation(95)] };
  const worse = judge([evaluation(85)], pinned);
  assert.equal(worse.promotable, false);
  assert.match(worse.checks[0].reason, /worse than the pinned version.*pinned v1/);
  assert.equal(judge([evaluation(95)], pinned).promotable, true);
});

Deno.test("a pinned version that could not be had is named but not compared", () => {
  const verdict = judge([evaluation(90)], { version: "v1" });
  assert.equal(verdict.promotable, true);
  assert.equal(verdict.pinnedVersion, "v1");
  assert.match(verdict.checks[0].reason, /^passes: .*; pinned v1 could not be had, not compared$/);
  const refused = judge([evaluation(35)], { version: "v1" });
  assert.equal(refused.promotable, false);
});

Deno.test("a head the pinned version lacks is judged on the baseline alone", () => {
  const urgency = { ...evaluation(95), head: "urgency" };
  const verdict = judge([evaluation(90)], { version: "v1", evaluations: [urgency] });
  assert.equal(verdict.promotable, true);
  assert.match(verdict.checks[0].reason, /pinned v1 has no topic head to compare with$/);
});

Deno.test("binary heads are gated on ROC AUC against the 0.5 of a constant scorer", () => {
  const binary = { ...evaluation(90), model: { ...evaluation(90).model, rocAuc: 0.55 } };
  const verdict = judge([binary], undefined);
  assert.equal(verdict.checks[0].metric, "roc_auc");
  assert.equal(verdict.checks[0].baseline, 0.5);
  assert.equal(verdict.promotable, false);
});
