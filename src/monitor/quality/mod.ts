/**
 * Classification quality from feedback: a window's labelled predictions streamed out of the
 * database, per-head metrics beside the version's test metrics, and the three outputs
 * (Evidently legacy JSON, Evidently snapshot JSON, a self-contained HTML page).
 * @module
 */
export {
  computeWindowQuality,
  qualityReport,
  type WindowQualityOptions,
} from "./window_quality.ts";
export { WindowAccumulator } from "./window_accumulator.ts";
export type { ScoreOptions } from "./head_scores.ts";
export type {
  ClassQuality,
  HeadQuality,
  HeadQualityResult,
  NoFeedback,
  QualityDelta,
  QualityMetrics,
  QualityReport,
  ReadStats,
  RocAucAccuracy,
} from "./quality_types.ts";
export {
  type AccuracyBreach,
  accuracyBreaches,
  type AccuracyThreshold,
} from "./accuracy_breaches.ts";
export {
  type LegacyMetric,
  type LegacyQualityDict,
  legacyQualityDict,
} from "./evidently_legacy.ts";
export {
  type SnapshotDict,
  type SnapshotMetric,
  snapshotQualityDict,
} from "./evidently_snapshot.ts";
export { renderQualityHtml } from "./quality_html.ts";
