/**
 * One monitor run: for each served model's champion, the window's logged requests against
 * the version's reference statistics (drift), its feedback (quality) and its latency; one
 * `drift_reports` row per model, and the observations handed to the alerter.
 */
import { type Database, insertDriftReport, type LabelledWindow } from "../../db/mod.ts";
import { referenceStatsFileName } from "../../ml/version_files.ts";
import type { ModelMetrics } from "../../ml/version_files.ts";
import { catalogEntry } from "../../models/catalog.ts";
import type { Logger } from "../../shared/logger.ts";
import type { Alerter } from "../alerts/mod.ts";
import type { DriftOptions } from "../drift/drift_options.ts";
import { computeWindowQuality } from "../quality/mod.ts";
import { compareWindow, loadReference } from "./compare_window.ts";
import { reportBody, type ReportStatus } from "./report_body.ts";
import { readWindow } from "./window_reader.ts";

/** Reads one file of a stored version; undefined when the version has no such file. */
export type ReadVersionFile = (
  name: string,
  version: string,
  file: string,
) => Promise<Uint8Array | undefined>;

/** What a run monitors and how. */
export interface MonitorOptions {
  /** The served models and their champion versions. */
  models: readonly { name: string; version: string }[];
  readVersionFile: ReadVersionFile;
  /** The window's length; it ends at `end` (default now). */
  windowMs: number;
  end?: Date;
  /** Judges the observations; none: reports only. */
  alerter?: Alerter;
  logger?: Logger;
  drift?: DriftOptions;
  pageSize?: number;
  /** Distinct numbers per column the window's summary keeps exactly (default 100,000). */
  maxDistinct?: number;
}

/** One model's result in a run. */
export interface ModelRun {
  model: string;
  version: string;
  reportId: string;
  status: ReportStatus;
  requests: number;
  driftDetected: boolean;
  driftShare: number;
  driftedColumns: string[];
  accuracy: Record<string, number | null>;
  latencyP99Ms: number | null;
}

const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));

/** Runs the monitor once; see the module's doc. */
export async function runMonitor(db: Database, options: MonitorOptions): Promise<ModelRun[]> {
  const end = options.end ?? new Date();
  const start = new Date(end.getTime() - options.windowMs);
  const runs: ModelRun[] = [];
  const observations = [];
  for (const { name, version } of options.models) {
    const entry = catalogEntry(name);
    const window: LabelledWindow = { modelName: name, modelVersion: version, start, end };
    const [statsBytes, metricsBytes] = await Promise.all([
      options.readVersionFile(name, version, referenceStatsFileName),
      options.readVersionFile(name, version, "metrics.json"),
    ]);
    const reference = loadReference(statsBytes, `${name} ${version} reference statistics`);
    const stats = reference && "stats" in reference ? reference.stats : undefined;
    const read = await readWindow(db, window, entry.monitoring, stats, options);
    const quality = await computeWindowQuality(db, window, {
      heads: entry.codec.heads,
      versionMetrics: metricsBytes ? decode(metricsBytes) as ModelMetrics : undefined,
    });
    const outcome = compareWindow({ name, version, window, read, quality, options, reference });
    const body = reportBody(outcome);
    const reportId = await insertDriftReport(db, {
      modelName: name,
      modelVersion: version,
      windowStart: start,
      windowEnd: end,
      driftDetected: outcome.drift?.result.datasetDrift ?? false,
      driftShare: outcome.drift?.result.shareOfDriftedColumns ?? 0,
      report: body,
    });
    if (outcome.observation) observations.push({ ...outcome.observation, reportId });
    const summary = body.summary as { drifted_columns: string[]; accuracy: ModelRun["accuracy"] };
    runs.push({
      model: name,
      version,
      reportId,
      status: outcome.status,
      requests: read.requests,
      driftDetected: outcome.drift?.result.datasetDrift ?? false,
      driftShare: outcome.drift?.result.shareOfDriftedColumns ?? 0,
      driftedColumns: summary.drifted_columns,
      accuracy: summary.accuracy,
      latencyP99Ms: outcome.latencyP99Ms ?? null,
    });
    options.logger?.info("monitor report stored", { model: name, version, reportId });
  }
  // A window with nothing to compare gives no observation: its alerts are left as they are.
  if (options.alerter && observations.length > 0) await options.alerter.run(observations);
  return runs;
}
