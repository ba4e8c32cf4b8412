/**
 * The drift engine: Evidently's legacy `DataDriftPreset` rule by rule, on summaries of the
 * data (reference statistics) rather than rows, with Evidently's report formats and an HTML
 * page; and the monitor that runs it with quality and alerts on served models (runner/).
 * docs/monitoring.md describes them.
 * @module
 */
export { DriftInputError } from "./drift_input_error.ts";
export { type Frame, frameFromRows } from "./data/frame.ts";
export { readTable } from "./data/read_table.ts";
export { type ColumnMapping, columnMappingSchema } from "./drift/column_mapping.ts";
export { compareToReference, type DriftResult } from "./drift/compare.ts";
export { type DriftOptions, driftOptionsSchema } from "./drift/drift_options.ts";
export {
  type ReferenceStats,
  summariseCurrent,
  summariseReference,
  type SummaryOptions,
} from "./drift/reference_stats.ts";
export { statsFromJson, statsToJson } from "./drift/stats_json.ts";
export { statTestNames } from "./drift/stattests.ts";
export { htmlReport } from "./report/html_report.ts";
export { legacyReport } from "./report/legacy_report.ts";
export { snapshotReport } from "./report/snapshot_report.ts";
export { driftFormats, type DriftRun, runDrift } from "./run_drift.ts";
export { describeText, textDescriptors } from "./text/descriptors.ts";
export { LatencyHistogram } from "./runner/latency_histogram.ts";
export {
  type ModelRun,
  type MonitorOptions,
  type ReadVersionFile,
  runMonitor,
} from "./runner/run_monitor.ts";
export { formatModelRun } from "./runner/format_run.ts";
export { type ReportStatus } from "./runner/report_body.ts";
export { LatestReports } from "./runner/latest_reports.ts";
export { type MonitorSchedule, scheduleMonitor, type ScheduleOptions } from "./runner/schedule.ts";
export { type Alerter, createAlerter } from "./alerts/mod.ts";
export { reportHtml } from "./runner/report_html.ts";
export { type ReportColumn, reportColumns } from "./runner/report_columns.ts";
