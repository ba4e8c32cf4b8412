/**
 * A window's read and quality turned into an outcome: its summary compared with the version's
 * reference statistics when there are both rows and a reference, else a status saying why not.
 * Bad input never throws here: an empty window, a version without (readable) reference
 * statistics, or rows or options the engine refuses each give a clear status in the report.
 */
import type { LabelledWindow } from "../../db/mod.ts";
import { DriftInputError } from "../drift_input_error.ts";
import { compareToReference } from "../drift/compare.ts";
import type { ReferenceStats } from "../drift/reference_stats.ts";
import { statsFromJson } from "../drift/stats_json.ts";
import type { QualityReport } from "../quality/mod.ts";
import { observe } from "./observation.ts";
import type { WindowOutcome } from "./report_body.ts";
import type { MonitorOptions } from "./run_monitor.ts";
import type { WindowRead } from "./window_reader.ts";

/** What {@link compareWindow} needs. */
export interface WindowInputs {
  name: string;
  version: string;
  window: LabelledWindow;
  read: WindowRead;
  quality: QualityReport;
  options: Pick<MonitorOptions, "drift">;
  reference: LoadedReference;
}

/** A version's reference statistics: read, unreadable (why), or absent. */
export type LoadedReference = { stats: ReferenceStats } | { error: string } | undefined;

/** Reads a version's `reference_stats.json` bytes, when it has the file. */
export function loadReference(bytes: Uint8Array | undefined, label: string): LoadedReference {
  if (!bytes) return undefined;
  try {
    return { stats: statsFromJson(JSON.parse(new TextDecoder().decode(bytes)), label) };
  } catch (error) {
    if (!(error instanceof DriftInputError) && !(error instanceof SyntaxError)) throw error;
    return { error: error.message };
  }
}

/** Compares the window; see the module's doc. */
export function compareWindow(inputs: WindowInputs): WindowOutcome {
  const { read, quality, window } = inputs;
  const driftOptions = inputs.options.drift ?? {};
  const p99 = read.latency.quantile(0.99);
  const base = {
    window: {
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      requests: read.requests,
    },
    driftOptions,
    quality,
    latencyP99Ms: p99,
  };
  if (read.requests === 0) {
    return { ...base, status: "empty_window", message: "empty window: no logged request" };
  }
  const { reference } = inputs;
  if (!reference) {
    return { ...base, status: "no_reference", message: "no reference statistics" };
  }
  if ("error" in reference || !read.current) {
    const message = "error" in reference ? reference.error : read.summaryError;
    return { ...base, status: "drift_error", message: message ?? "the window was not summarised" };
  }
  try {
    const current = read.current;
    const result = compareToReference(reference.stats, current, driftOptions);
    const observation = observe(
      { model: inputs.name, version: inputs.version },
      result,
      quality,
      p99,
    );
    return {
      ...base,
      status: "ok",
      drift: { result, reference: reference.stats, current },
      observation,
    };
  } catch (error) {
    if (!(error instanceof DriftInputError)) throw error;
    return { ...base, status: "drift_error", message: error.message };
  }
}
