/**
 * One pass over a window's logged requests: each becomes the model's monitoring columns (the
 * function training used for the reference), kept in a capped uniform sample for the drift
 * comparison, while every latency goes into a fixed histogram. Memory is one page, the
 * sample and the histogram, whatever the window holds.
 */
import { type Database, type LabelledWindow, monitoredPredictionPages } from "../../db/mod.ts";
import type { MonitoringSpec } from "../../domain/monitoring_spec.ts";
import { LatencyHistogram } from "./latency_histogram.ts";
import { Reservoir } from "./sample.ts";

/** Rows of a window the drift comparison reads at most (the rest are sampled out). */
export const defaultSampleCap = 20_000;

/** What one pass over a window gives. */
export interface WindowRead {
  /** Requests in the window. */
  requests: number;
  /** The monitoring rows compared (all of them up to the cap). */
  rows: Record<string, unknown>[];
  latency: LatencyHistogram;
  pages: number;
}

/** Reads the window; see the module's doc. */
export async function readWindow(
  db: Database,
  window: LabelledWindow,
  // deno-lint-ignore no-explicit-any
  monitoring: MonitoringSpec<any, any>,
  options: { pageSize?: number; sampleCap?: number } = {},
): Promise<WindowRead> {
  const sample = new Reservoir<Record<string, unknown>>(options.sampleCap ?? defaultSampleCap);
  const latency = new LatencyHistogram();
  let pages = 0;
  for await (const page of monitoredPredictionPages(db, window, options.pageSize)) {
    pages++;
    for (const request of page) {
      latency.add(request.latencyMs);
      sample.add(monitoring.columns(request.input, request.outputs));
    }
  }
  return { requests: sample.seen, rows: sample.items, latency, pages };
}
