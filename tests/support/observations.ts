/** Monitor observations the alert tests feed the alerter. */
import type { MonitorObservation } from "../../src/monitor/alerts/mod.ts";

/** A model with nothing wrong: no drift, accurate, fast. */
export function calmObservation(model = "churn", version = "v1"): MonitorObservation {
  return {
    model,
    version,
    datasetDrift: { detected: false, share: 0.1, drifted: 1, columns: 9 },
    predictionDrift: { detected: false, score: 0.3, method: "psi" },
    accuracy: { value: 0.92, n: 400 },
    latencyP99Ms: { value: 8 },
  };
}

/** The same model with its dataset drifted (4 of 9 columns). */
export function driftedObservation(model = "churn", version = "v1"): MonitorObservation {
  return {
    ...calmObservation(model, version),
    datasetDrift: { detected: true, share: 0.44, drifted: 4, columns: 9 },
  };
}
