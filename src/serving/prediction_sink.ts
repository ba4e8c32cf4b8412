import type { PredictionLogEntry } from "../db/repositories/predictions.ts";

/** Where served predictions go to be persisted, off the response path. */
export interface PredictionSink {
  enqueue(entry: PredictionLogEntry): void;
  /** Resolves once what was enqueued before is written; rejects after `timeoutMs`. */
  flush(options?: { timeoutMs?: number }): Promise<void>;
}
