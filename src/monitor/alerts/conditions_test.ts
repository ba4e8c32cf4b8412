import assert from "node:assert/strict";
import { alertKinds, alertSeverity, readConditions, retrainingKinds } from "./conditions.ts";
import { type MonitorObservation, parseObservation } from "./observation.ts";

const defaults = { accuracyThreshold: 0.8, latencyBudgetMs: 250 };

const calm: MonitorObservation = {
  model: "churn",
  version: "v3",
  datasetDrift: { detected: false, share: 0.1, drifted: 1, columns: 9 },
  predictionDrift: { detected: false, score: 0.4, method: "ks" },
  accuracy: { value: 0.91, n: 300 },
  latencyP99Ms: { value: 12 },
  reportId: "r-1",
};

const holds = (observation: MonitorObservation) =>
  Object.fromEntries(readConditions(observation, defaults).map((r) => [r.kind, r.holds]));

Deno.test("a calm observation holds no condition, and every kind is read", () => {
  assert.deepEqual(holds(calm), {
    dataset_drift: false,
    prediction_drift: false,
    accuracy_below_threshold: false,
    latency_p99_over_budget: false,
  });
  assert.deepEqual(readConditions(calm, defaults).map((r) => r.kind), [...alertKinds]);
});

Deno.test("each condition holds on its own signal", () => {
  const drifted = readConditions({
    ...calm,
    datasetDrift: {
      detected: true,
      share: 0.44,
      drifted: 4,
      columns: 9,
      driftedColumns: ["tenure", "age"],
    },
  }, defaults)[0];
  assert.equal(drifted.holds, true);
  assert.equal(
    drifted.message,
    "Dataset drift on churn v3: 4 of 9 columns drifted (tenure, age), share 0.44",
  );
  assert.deepEqual(drifted.details.report_id, "r-1");
  assert.equal(holds({ ...calm, predictionDrift: { detected: true } }).prediction_drift, true);
  assert.equal(holds({ ...calm, accuracy: { value: 0.79, n: 50 } }).accuracy_below_threshold, true);
  assert.equal(holds({ ...calm, latencyP99Ms: { value: 251 } }).latency_p99_over_budget, true);
});

Deno.test("thresholds in the observation win over the configured ones", () => {
  const observation = { ...calm, accuracy: { value: 0.85, n: 50, threshold: 0.9 } };
  const [accuracy] = readConditions(observation, defaults).slice(2);
  assert.equal(accuracy.holds, true);
  assert.match(accuracy.message, /is 0\.850, below 0\.900 \(50 labelled predictions\)/);
  assert.equal(
    holds({ ...calm, latencyP99Ms: { value: 300, budget: 500 } }).latency_p99_over_budget,
    false,
  );
  // Exactly at the threshold or budget is fine.
  assert.equal(holds({ ...calm, accuracy: { value: 0.8, n: 1 } }).accuracy_below_threshold, false);
  assert.equal(holds({ ...calm, latencyP99Ms: { value: 250 } }).latency_p99_over_budget, false);
});

Deno.test("nothing to judge by leaves a condition undecided: no feedback is no alert", () => {
  const unknown = holds({
    ...calm,
    accuracy: { noFeedback: true },
    predictionDrift: undefined,
    latencyP99Ms: undefined,
  });
  assert.equal(unknown.accuracy_below_threshold, undefined);
  assert.equal(unknown.prediction_drift, undefined);
  assert.equal(unknown.latency_p99_over_budget, undefined);
});

Deno.test("severities and the kinds that retrain", () => {
  assert.equal(alertSeverity.dataset_drift, "critical");
  assert.equal(alertSeverity.accuracy_below_threshold, "critical");
  assert.equal(alertSeverity.prediction_drift, "warning");
  assert.equal(alertSeverity.latency_p99_over_budget, "warning");
  assert.deepEqual([...retrainingKinds].sort(), ["accuracy_below_threshold", "dataset_drift"]);
});

Deno.test("observations are validated at the boundary, extra drift fields kept", () => {
  const parsed = parseObservation({
    ...calm,
    datasetDrift: { ...calm.datasetDrift, method: "psi" },
  });
  assert.equal(parsed.datasetDrift.method, "psi");
  assert.throws(() => parseObservation({ ...calm, accuracy: { value: 1.2, n: 1 } }), /accuracy/);
  assert.throws(() => parseObservation({ ...calm, model: "" }), /model/);
});
