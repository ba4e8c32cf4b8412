import type { PredictionLogEntry } from "../db/repositories/predictions.ts";

/** Where served predictions go to be persisted, off the response path. */
export interface PredictionSink {
  enqueue(entry: PredictionLogEntry): void;
}
