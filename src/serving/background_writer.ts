/**
 * The prediction log writer behind `createPredictionLogWriter`: `enqueue` only queues, the
 * write loop (`write_loop.ts`) writes in the background, `flush` and `close` wait for it.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { FlushWaiters } from "./flush_waiters.ts";
import { PredictionLogQueue } from "./prediction_log_queue.ts";
import type { WriterSettings } from "./prediction_log_writer_options.ts";
import { describeError } from "../shared/describe_error.ts";
import { WriteLoop } from "./write_loop.ts";

/** Counters of a writer; `queued` and `spilled` are what waits now, the rest are totals. */
export interface PredictionLogWriterStats {
  /** Entries waiting in memory, the batch being written included. */
  queued: number;
  /** Entries waiting in spill files. */
  spilled: number;
  /** Entries in successful writes (an entry the database already had is counted again). */
  written: number;
  /** Entries lost: beyond `maxBuffered` without a spill directory, unreadable spill lines. */
  dropped: number;
  /** Write attempts that failed. */
  failedWrites: number;
  /** Entries the database refused (bad data, unknown ticket): logged and set aside. */
  rejected: number;
  /** Entries ever appended to a spill file by this writer. */
  spilledTotal: number;
}

export class BackgroundWriter {
  readonly #settings: WriterSettings;
  readonly #queue: PredictionLogQueue;
  readonly #waiters = new FlushWaiters();
  readonly #loop: WriteLoop;
  #closedDropLogged = false;
  #closing?: Promise<void>;

  constructor(settings: WriterSettings) {
    this.#settings = settings;
    this.#queue = new PredictionLogQueue({
      maxBatch: settings.maxBatch,
      maxBuffered: settings.maxBuffered,
      spillDir: settings.spillDir,
      spillFileMaxEntries: settings.spillFileMaxEntries,
      logger: settings.logger,
      onChange: () => this.#checkWaiters(),
    });
    this.#loop = new WriteLoop(settings, this.#queue, {
      hurry: () => this.#waiters.size > 0 || this.#closing !== undefined,
      idle: () => this.#checkWaiters(),
    });
  }

  stats(): PredictionLogWriterStats {
    const { queued, spilled, dropped, spilledTotal } = this.#queue.counts();
    return {
      queued,
      spilled,
      written: this.#loop.written,
      dropped,
      failedWrites: this.#loop.failedWrites,
      rejected: this.#loop.refused.count,
      spilledTotal,
    };
  }

  enqueue(entry: PredictionLogEntry): void {
    try {
      if (this.#loop.stopped) {
        if (!this.#closedDropLogged) {
          this.#closedDropLogged = true;
          this.#settings.logger.error("Prediction log entries dropped: the writer is closed", {
            predictionId: entry?.request?.id,
          });
        }
        this.#queue.countDropped(1);
        return;
      }
      this.#queue.push(stampCreatedAt(entry));
      this.#loop.entryQueued();
    } catch (error) {
      this.#queue.countDropped(1);
      this.#settings.logger.error("Prediction log entry dropped: cannot queue it", {
        error: describeError(error),
      });
    }
  }

  flush(timeoutMs = this.#settings.flushTimeoutMs): Promise<void> {
    const done = this.#waiters.add(this.#queue.nextSeq, timeoutMs, () => {
      const { queued, spilled } = this.#queue.counts();
      return new Error(
        `Prediction log flush timed out after ${timeoutMs} ms: ${queued} entries queued, ${spilled} spilled`,
      );
    });
    this.#checkWaiters();
    this.#loop.wake();
    return done;
  }

  close(timeoutMs = this.#settings.closeTimeoutMs): Promise<void> {
    this.#closing ??= this.#close(timeoutMs);
    return this.#closing;
  }

  async #close(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    try {
      // Entries enqueued while closing (requests still finishing) are flushed too.
      do await this.flush(Math.max(1, deadline - performance.now())); while (
        this.#queue.hasWork() && performance.now() < deadline
      );
    } catch {
      // Timed out: what is left is saved below.
    }
    await this.#loop.stop();
    if (this.#queue.hasWork()) await this.#queue.saveUnwritten();
    await this.#queue.drained();
    await this.#loop.refused.kept;
    this.#waiters.rejectAll("Prediction log writer closed before the flush completed");
  }

  #checkWaiters(): void {
    if (this.#waiters.size === 0) return;
    this.#waiters.release(this.#queue.lowestUnsettled());
  }
}

/** Fixes the time of the prediction now, so a late write keeps it; copies the entry. */
function stampCreatedAt(entry: PredictionLogEntry): PredictionLogEntry {
  const createdAt = entry.request.createdAt ?? new Date();
  return {
    request: { ...entry.request, createdAt },
    outputs: entry.outputs.map((output) => ({
      ...output,
      createdAt: output.createdAt ?? createdAt,
    })),
  };
}
