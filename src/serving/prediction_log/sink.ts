import type { PredictionLogEntry } from "../../db/mod.ts";

/** Where served predictions go to be persisted, off the response path. */
export interface PredictionSink {
  enqueue(entry: PredictionLogEntry): void;
  /** Resolves once what was enqueued before is written; rejects after `timeoutMs`. */
  flush(options?: { timeoutMs?: number }): Promise<void>;
}

/** The sink the routes score into: entries now, and entries completed after the response. */
export interface ScoringSink extends PredictionSink {
  /**
   * Runs `build` once the current response is on its way (a challenger scoring the same
   * inputs) and enqueues what it returns. A flush waits for it too: feedback sent right
   * after a prediction must find its trace.
   */
  enqueueLater(build: () => PredictionLogEntry[]): void;
}

/** Adds `enqueueLater` to a sink. */
export function scoringSink(sink: PredictionSink): ScoringSink {
  const pending = new Set<Promise<void>>();
  return {
    enqueue: (entry) => sink.enqueue(entry),
    enqueueLater(build) {
      const done = new Promise<void>((resolve) =>
        setTimeout(() => {
          try {
            for (const entry of build()) sink.enqueue(entry);
          } finally {
            resolve();
          }
        }, 0)
      );
      pending.add(done);
      done.then(() => pending.delete(done));
    },
    flush: async (options) => {
      await Promise.all(pending);
      return sink.flush(options);
    },
  };
}
