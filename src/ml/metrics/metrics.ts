/**
 * Model evaluation metrics shared by the evaluate step and production monitoring.
 * Label-based scores live in `classification_metrics.ts`, probability-based ones in
 * `probability_metrics.ts`; this module only re-exports them.
 * @module
 */
export * from "./classification_metrics.ts";
export * from "./probability_metrics.ts";
