/**
 * One pass over a window's logged requests: each becomes the model's monitoring columns (the
 * function training used for the reference) and is summarised on the way under the
 * reference's mapping (exact up to 100,000 distinct numbers per column), while every latency
 * goes into a fixed histogram. Memory is one page, one block of rows, the summary and the
 * histogram, whatever the window holds.
 */
import { type Database, type LabelledWindow, monitoredPredictionPages } from "../../db/mod.ts";
import type { MonitoringSpec } from "../../domain/monitoring_spec.ts";
import { DriftInputError } from "../drift_input_error.ts";
import type { ReferenceStats } from "../drift/reference_stats.ts";
import { StreamingSummary, type StreamingSummaryOptions } from "../drift/streaming_summary.ts";
import { LatencyHistogram } from "./latency_histogram.ts";

/** What one pass over a window gives. */
export interface WindowRead {
  /** Requests in the window. */
  requests: number;
  /** Every request's monitoring columns summarised; absent without a reference to follow. */
  current?: ReferenceStats;
  /** Why the rows could not be summarised under the reference (a text column of numbers). */
  summaryError?: string;
  latency: LatencyHistogram;
}

/** Reads the window; see the module's doc. */
export async function readWindow(
  db: Database,
  window: LabelledWindow,
  // deno-lint-ignore no-explicit-any
  monitoring: MonitoringSpec<any, any>,
  reference: ReferenceStats | undefined,
  options: { pageSize?: number } & StreamingSummaryOptions = {},
): Promise<WindowRead> {
  let summary = reference && new StreamingSummary(reference, options);
  let summaryError: string | undefined;
  // Rows the engine refuses stop the summary, never the pass: latency is still read.
  const guarded = <T>(step: (s: StreamingSummary) => T): T | undefined => {
    if (!summary) return undefined;
    try {
      return step(summary);
    } catch (error) {
      if (!(error instanceof DriftInputError)) throw error;
      summaryError = error.message;
      summary = undefined;
      return undefined;
    }
  };
  const latency = new LatencyHistogram();
  let requests = 0;
  for await (const page of monitoredPredictionPages(db, window, options.pageSize)) {
    for (const request of page) {
      requests++;
      latency.add(request.latencyMs);
      guarded((s) => s.add(monitoring.columns(request.input, request.outputs)));
    }
  }
  const current = guarded((s) => s.result());
  return { requests, current, latency, ...(summaryError ? { summaryError } : {}) };
}
