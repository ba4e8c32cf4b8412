import assert from "node:assert/strict";
import { evidentlyMetricId, pythonFloat } from "./evidently_ids.ts";

Deno.test("pythonFloat writes floats as Python's repr does", () => {
  assert.equal(pythonFloat(0.42), "0.42");
  assert.equal(pythonFloat(1), "1.0");
  assert.equal(pythonFloat(0), "0.0");
  assert.equal(pythonFloat(0.0001), "0.0001");
  assert.equal(pythonFloat(5e-5), "5e-05");
  assert.equal(pythonFloat(1.5e-7), "1.5e-07");
  assert.equal(pythonFloat(1.2345e-10), "1.2345e-10");
  assert.equal(pythonFloat(1e16), "1e+16");
});

Deno.test("metric ids are Evidently 0.7's fingerprints", () => {
  // Printed by Evidently 0.7.23: Accuracy().get_metric_id(), Accuracy(probas_threshold=0.4)...
  assert.equal(evidentlyMetricId("Accuracy", []), "e4f2ea2dab7ab3a65b16ef5124d02db4");
  assert.equal(
    evidentlyMetricId("Accuracy", [["probas_threshold", 0.4]]),
    "71b162dc749a6aeff5ad3b15460d5c68",
  );
  assert.equal(evidentlyMetricId("F1ByLabel", []), "960da7cc5ae6dfee13853a0b222466ca");
  assert.equal(
    evidentlyMetricId("RocAuc", [["probas_threshold", 0.4]]),
    "cde75f9e06e765d51e8b58ec85fca657",
  );
});
