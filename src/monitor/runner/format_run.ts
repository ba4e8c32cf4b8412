import type { ModelRun } from "./run_monitor.ts";

const fixed = (value: number, digits: number) => value.toFixed(digits);

/**
 * One line per model for a person: what the run found and the stored report's id, e.g.
 * `churn v3: drift detected (share 0.60: tenure, age), accuracy churn 0.81, p99 12.0 ms,
 * 412 requests, report 0193…`.
 */
export function formatModelRun(run: ModelRun): string {
  const head = `${run.model} ${run.version}:`;
  const tail = `${run.requests} requests, report ${run.reportId}`;
  if (run.status === "empty_window") return `${head} empty window (no logged request), ${tail}`;
  const drift = run.status === "ok"
    ? `${run.driftDetected ? "drift detected" : "no drift"} (share ${fixed(run.driftShare, 2)}${
      run.driftedColumns.length ? `: ${run.driftedColumns.join(", ")}` : ""
    })`
    : run.status === "no_reference"
    ? "no reference statistics"
    : "drift not compared (see the report)";
  const accuracy = Object.entries(run.accuracy).map(([head, value]) =>
    `${head} ${value === null ? "no feedback" : fixed(value, 2)}`
  ).join(", ");
  const p99 = run.latencyP99Ms === null ? "" : `, p99 ${fixed(run.latencyP99Ms, 1)} ms`;
  return `${head} ${drift}, accuracy ${accuracy}${p99}, ${tail}`;
}
