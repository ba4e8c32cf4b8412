/**
 * A window's read and quality turned into an outcome: compared with the version's reference
 * statistics when there are both rows and a reference, else a status saying why not. Bad
 * input never throws here: an empty window, a version without reference statistics, or a
 * comparison the engine refuses each give a clear status in the stored report.
 */
import type { LabelledWindow } from "../../db/mod.ts";
import { DriftInputError } from "../drift_input_error.ts";
import { compareToReference } from "../drift/compare.ts";
import { summariseCurrent } from "../drift/reference_stats.ts";
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
  /** The version's `reference_stats.json`, when it has one. */
  statsBytes: Uint8Array | undefined;
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
      sampled: read.rows.length,
    },
    driftOptions,
    quality,
    latencyP99Ms: p99,
  };
  if (read.requests === 0) {
    return { ...base, status: "empty_window", message: "empty window: no logged request" };
  }
  if (!inputs.statsBytes) {
    return { ...base, status: "no_reference", message: "no reference statistics" };
  }
  try {
    const reference = statsFromJson(
      JSON.parse(new TextDecoder().decode(inputs.statsBytes)),
      `${inputs.name} ${inputs.version} reference statistics`,
    );
    const current = summariseCurrent(read.rows, reference);
    const result = compareToReference(reference, current, driftOptions);
    const observation = observe(
      { model: inputs.name, version: inputs.version },
      result,
      quality,
      p99,
    );
    return { ...base, status: "ok", drift: { result, reference, current }, observation };
  } catch (error) {
    if (!(error instanceof DriftInputError) && !(error instanceof SyntaxError)) throw error;
    return { ...base, status: "drift_error", message: error.message };
  }
}
