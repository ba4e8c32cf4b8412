/**
 * The prediction log writer: served predictions reach the database in the background. The
 * HTTP handler enqueues and returns; the queue (`queue.ts`) keeps the entries in order, in
 * memory up to `maxBuffered` and in spill files beyond (`spill_file.ts`); one loop
 * (`write_loop.ts`) writes them in batches through outages and sets aside what the database
 * refuses. So a prediction is never lost while the disk holds, restarts included.
 */
import { isPermanentWriteError, type PredictionLogEntry, type RetryOptions } from "../../db/mod.ts";
import { createLogger, type Logger } from "../../shared/logger.ts";
import { PredictionLogQueue } from "./queue.ts";
import { WriteLoop } from "./write_loop.ts";

/** How the writer batches, buffers, spills and retries. Only `write` is required. */
export interface PredictionLogWriterOptions {
  /** Stores a batch, all or nothing; e.g. `(entries) => logPredictions(db, entries)`. */
  write(entries: PredictionLogEntry[]): Promise<void>;
  /** Most entries per write (default 500). */
  maxBatch?: number;
  /** How long an idle writer lets a batch form after an entry arrives (default 50 ms). */
  flushIntervalMs?: number;
  /** Entries kept in memory (default 50,000); beyond, they spill (or drop without `spillDir`). */
  maxBuffered?: number;
  /** Directory of the spill files; undefined (Deno Deploy) drops the oldest entries instead. */
  spillDir?: string;
  /** Entries per spill file before the next one starts (default 10,000). */
  spillFileMaxEntries?: number;
  /** Backoff between attempts of a failing write (default 100 ms doubling to 5 s, jittered). */
  retry?: RetryOptions;
  /**
   * A write not settled after this long counts as failed and is retried (default 30 s); the
   * abandoned attempt may still land, which is harmless as stored ids are skipped.
   */
  writeTimeoutMs?: number;
  /** Default limit of `flush()` (30 s). */
  flushTimeoutMs?: number;
  /** Default limit of `close()` (10 s). */
  closeTimeoutMs?: number;
  /** Whether a failed write can never succeed as is (default `isPermanentWriteError`). */
  isPermanentError?: (error: unknown) => boolean;
  logger?: Logger;
}

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

/** Starts a writer; spill files left in `spillDir` by a previous process are replayed. */
export function createPredictionLogWriter(
  options: PredictionLogWriterOptions,
): PredictionLogWriter {
  return new PredictionLogWriter(options);
}

/** The background prediction log; see `createPredictionLogWriter`. */
export class PredictionLogWriter {
  readonly #flushTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #queue: PredictionLogQueue;
  readonly #loop: WriteLoop;
  /** The pending flushes: each waits for every entry numbered below its `seq`. */
  readonly #waiters = new Set<{ seq: number; resolve(): void; reject(error: Error): void }>();
  #closing?: Promise<void>;

  constructor(options: PredictionLogWriterOptions) {
    const settings = {
      write: options.write,
      maxBatch: Math.max(1, options.maxBatch ?? 500),
      flushIntervalMs: options.flushIntervalMs ?? 50,
      maxBuffered: Math.max(1, options.maxBuffered ?? 50_000),
      spillDir: options.spillDir,
      spillFileMaxEntries: Math.max(1, options.spillFileMaxEntries ?? 10_000),
      retry: options.retry ?? { initialMs: 100, maxMs: 5_000 },
      writeTimeoutMs: options.writeTimeoutMs ?? 30_000,
      isPermanentError: options.isPermanentError ?? isPermanentWriteError,
      logger: options.logger ?? createLogger("info"),
    };
    this.#flushTimeoutMs = options.flushTimeoutMs ?? 30_000;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.#queue = new PredictionLogQueue(settings, () => this.#release());
    const hurry = () => this.#waiters.size > 0 || this.#closing !== undefined;
    this.#loop = new WriteLoop(settings, this.#queue, hurry);
  }

  /** Queues one entry; synchronous, never throws, never waits on I/O. */
  enqueue(entry: PredictionLogEntry): void {
    this.#queue.push(entry);
    this.#loop.entryQueued();
  }

  /**
   * Resolves once every entry enqueued before the call, and every leftover spill entry found
   * at start-up, is written (or counted as rejected or dropped); rejects after `timeoutMs`.
   */
  flush({ timeoutMs = this.#flushTimeoutMs }: { timeoutMs?: number } = {}): Promise<void> {
    const { promise, resolve, reject } = Promise.withResolvers<void>();
    const timer = setTimeout(() => {
      const { queued, spilled } = this.#queue.stats();
      const counts = `${queued} entries queued, ${spilled} spilled`;
      reject(new Error(`Prediction log flush timed out after ${timeoutMs} ms: ${counts}`));
    }, timeoutMs);
    const waiter = { seq: this.#queue.nextSeq, resolve, reject };
    this.#waiters.add(waiter);
    this.#release();
    this.#loop.wake();
    return promise.finally(() => {
      clearTimeout(timer);
      this.#waiters.delete(waiter);
    });
  }

  /**
   * Flushes for at most `timeoutMs`, then stops. What is still unwritten is saved to a spill
   * file for the next process (or, without a spill directory, counted as dropped).
   */
  close({ timeoutMs = this.#closeTimeoutMs }: { timeoutMs?: number } = {}): Promise<void> {
    this.#closing ??= this.#close(timeoutMs);
    return this.#closing;
  }

  /** The counters `/metrics` exports. */
  stats(): PredictionLogWriterStats {
    return { ...this.#queue.stats(), ...this.#loop.stats() };
  }

  async #close(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    try {
      // Entries enqueued while closing (requests still finishing) are flushed too.
      do await this.flush({ timeoutMs: Math.max(1, deadline - performance.now()) }); while (
        this.#queue.hasWork() && performance.now() < deadline
      );
    } catch {
      // Timed out: what is left is saved below.
    }
    await this.#loop.stop();
    await this.#queue.saveUnwritten();
    const closed = new Error("Prediction log writer closed before the flush completed");
    for (const waiter of this.#waiters) waiter.reject(closed);
  }

  /** Resolves the flushes with nothing unsettled below them. */
  #release(): void {
    if (this.#waiters.size === 0) return;
    const lowest = this.#queue.lowestUnsettled();
    for (const waiter of this.#waiters) if (waiter.seq <= lowest) waiter.resolve();
  }
}
