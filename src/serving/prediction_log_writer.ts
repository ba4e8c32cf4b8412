/**
 * Writes served predictions to the database in the background: the HTTP handler enqueues
 * and returns; one loop writes batches (`maxBatch` at most, one write in flight), retries
 * through outages with backoff, and lets the backlog spill to disk beyond `maxBuffered`
 * (see `prediction_log_queue.ts`), so a prediction is never lost while the disk holds.
 * When the database refuses the rows themselves (`isPermanentWriteError`) the batch is
 * halved until the refused entries are isolated; those are logged, counted as `rejected`
 * and kept in `prediction-log-rejected.jsonl` when there is a spill directory.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { BackgroundWriter, type PredictionLogWriterStats } from "./background_writer.ts";
import {
  type PredictionLogWriterOptions,
  resolveWriterOptions,
} from "./prediction_log_writer_options.ts";

export type { PredictionLogWriterStats } from "./background_writer.ts";
export type { PredictionLogWriterOptions } from "./prediction_log_writer_options.ts";
export { isPermanentWriteError, type RetryOptions } from "../retry_policy.ts";

/** The background prediction log; see `createPredictionLogWriter`. */
export interface PredictionLogWriter {
  /** Queues one entry; synchronous, never throws, never waits on I/O. */
  enqueue(entry: PredictionLogEntry): void;
  /**
   * Resolves once every entry enqueued before the call, and every leftover spill entry found
   * at start-up, is written (or counted as rejected or dropped); rejects after `timeoutMs`.
   */
  flush(options?: { timeoutMs?: number }): Promise<void>;
  /**
   * Flushes for at most `timeoutMs`, then stops. What is still unwritten is saved to a spill
   * file for the next process (or, without a spill directory, counted as dropped).
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
  stats(): PredictionLogWriterStats;
}

/** Starts a writer; spill files left in `spillDir` by a previous process are replayed. */
export function createPredictionLogWriter(
  options: PredictionLogWriterOptions,
): PredictionLogWriter {
  const writer = new BackgroundWriter(resolveWriterOptions(options));
  return {
    enqueue: (entry) => writer.enqueue(entry),
    flush: (flushOptions) => writer.flush(flushOptions?.timeoutMs),
    close: (closeOptions) => writer.close(closeOptions?.timeoutMs),
    stats: () => writer.stats(),
  };
}
