/**
 * What one monitor run saw of one served model: the input the alerts judge. The runner fills
 * it from the drift report, the feedback and the latency of the run's window. Extra fields
 * on the drift and latency parts are kept and end up in the alert's details.
 */
import { z } from "zod";

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

/** Dataset drift, as Evidently's DatasetDriftMetric words it. */
const datasetDriftSchema = z.looseObject({
  /** Whether the share of drifted columns reached the report's threshold. */
  detected: z.boolean(),
  /** Share of drifted columns, 0..1. */
  share,
  /** How many columns drifted, of `columns` compared. */
  drifted: count,
  columns: count,
  /** Names of the drifted columns, when the report lists them. */
  driftedColumns: z.array(z.string()).optional(),
});

/** Drift of the model's outputs (predicted classes or scores) against the reference. */
const predictionDriftSchema = z.looseObject({
  detected: z.boolean(),
  /** The test's statistic or p-value, as the report gives it. */
  score: z.number().optional(),
  method: z.string().optional(),
});

/** Production accuracy from feedback, or none to judge it by ("no feedback" raises nothing). */
const accuracySchema = z.union([
  z.object({
    value: share,
    /** Labelled predictions the value is computed on. */
    n: count,
    /** Below this the condition holds; default `ACCURACY_ALERT_THRESHOLD`. */
    threshold: share.optional(),
  }),
  z.object({ noFeedback: z.literal(true) }),
]);

/** The p99 prediction latency of the window, against its budget. */
const latencySchema = z.looseObject({
  value: z.number().min(0),
  /** Above this the condition holds; default `LATENCY_P99_BUDGET_MS`. */
  budget: z.number().positive().optional(),
});

/** One model's observation in one monitor run; see {@link parseObservation}. */
export const monitorObservationSchema = z.object({
  model: z.string().min(1),
  version: z.string().min(1),
  datasetDrift: datasetDriftSchema,
  /** Absent when the run has no prediction-drift result: the condition is left as it is. */
  predictionDrift: predictionDriftSchema.optional(),
  accuracy: accuracySchema,
  /** Absent when the window has no latency sample: the condition is left as it is. */
  latencyP99Ms: latencySchema.optional(),
  /** The `drift_reports` row the run stored, linked from the alert's details. */
  reportId: z.string().min(1).optional(),
});

/** One model's observation in one monitor run. */
export type MonitorObservation = z.infer<typeof monitorObservationSchema>;

/** Validates an observation built elsewhere; throws a ZodError naming each bad field. */
export function parseObservation(input: unknown): MonitorObservation {
  return monitorObservationSchema.parse(input);
}
