/**
 * Writes served predictions to the database in the background: the HTTP handler enqueues
 * and returns; one loop writes batches (`maxBatch` at most, one write in flight), retries
 * through outages with backoff, and lets the backlog spill to disk beyond `maxBuffered`
 * (see `prediction_log_queue.ts`), so a prediction is never lost while the disk holds.
 * When the database refuses the rows themselves (`isPermanentWriteError`) the batch is
 * halved until the refused entries are isolated; those are logged, counted as `rejected`
 * and kept in `prediction-log-rejected.jsonl` when there is a spill directory.
 */
import { join } from "node:path";
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { createLogger, type Logger } from "../logger.ts";
import { type Batch, PredictionLogQueue } from "./prediction_log_queue.ts";
import { appendSpillLines, rejectedFileName } from "./spill_file.ts";

/** Bounds of the exponential backoff between attempts of a failing write. */
export interface RetryOptions {
  initialMs: number;
  maxMs: number;
}

/** How the writer batches, buffers, spills and retries. Only `write` is required. */
export interface PredictionLogWriterOptions {
  /** Stores a batch, all or nothing; e.g. `(entries) => logPredictions(db, entries)`. */
  write(entries: PredictionLogEntry[]): Promise<void>;
  /** Most entries per write (default 500). */
  maxBatch?: number;
  /** How long an idle writer lets a batch form after an entry arrives (default 50 ms). */
  flushIntervalMs?: number;
  /** Entries kept in memory (default 50,000); beyond, they spill to disk (or drop without `spillDir`). */
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
  const writer = new Writer(options);
  return {
    enqueue: (entry) => writer.enqueue(entry),
    flush: (flushOptions) => writer.flush(flushOptions?.timeoutMs),
    close: (closeOptions) => writer.close(closeOptions?.timeoutMs),
    stats: () => writer.stats(),
  };
}

/**
 * The wait before retry number `attempt` (0 for the first): doubling from `initialMs` up to
 * `maxMs`, less a random part of up to half ("equal jitter") so writers that recover
 * together do not hit the database in step.
 */
export function backoffDelay(
  { initialMs, maxMs }: RetryOptions,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

/**
 * True when retrying cannot help because Postgres refuses the rows themselves: a data
 * exception (SQLSTATE class 22, e.g. an invalid uuid) or an integrity violation (class 23,
 * e.g. a `ticket_id` naming no ticket), found on the error or along its `cause` chain.
 * Anything else (connection lost, timeout, server restarting) is taken as transient.
 */
export function isPermanentWriteError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return code.startsWith("22") || code.startsWith("23");
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The first line of an error's message followed by its causes': `Failed query: ...: ...`. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current != null && depth < 4; depth++) {
    const message = (current as { message?: unknown }).message ?? current;
    parts.push(String(message).split("\n")[0].slice(0, 300));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(": ");
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

/** One pending wait of the write loop, ended early by `notify()`. */
class Signal {
  #wake?: () => void;
  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      this.#wake = done;
      if (ms !== undefined) timer = setTimeout(done, ms);
    });
  }
  notify(): void {
    this.#wake?.();
  }
}

interface Waiter {
  seq: number;
  resolve(): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

class Writer {
  readonly #write: (entries: PredictionLogEntry[]) => Promise<void>;
  readonly #flushIntervalMs: number;
  readonly #maxBatch: number;
  readonly #retry: RetryOptions;
  readonly #writeTimeoutMs: number;
  readonly #flushTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #isPermanent: (error: unknown) => boolean;
  readonly #logger: Logger;
  readonly #spillDir?: string;
  readonly #queue: PredictionLogQueue;
  readonly #signal = new Signal();
  readonly #waiters: Waiter[] = [];
  #phase: "starting" | "idle" | "gathering" | "taking" | "writing" | "backoff" = "starting";
  #written = 0;
  #failedWrites = 0;
  #rejected = 0;
  #outage?: { since: number; failures: number };
  #deadLetters: Promise<void> = Promise.resolve();
  #stopped = false;
  #closedDropLogged = false;
  #closing?: Promise<void>;
  readonly #task: Promise<void>;

  constructor(options: PredictionLogWriterOptions) {
    this.#write = options.write;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 500);
    this.#flushIntervalMs = options.flushIntervalMs ?? 50;
    this.#retry = options.retry ?? { initialMs: 100, maxMs: 5_000 };
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
    this.#flushTimeoutMs = options.flushTimeoutMs ?? 30_000;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.#isPermanent = options.isPermanentError ?? isPermanentWriteError;
    this.#logger = options.logger ?? createLogger("info");
    this.#spillDir = options.spillDir;
    this.#queue = new PredictionLogQueue({
      maxBatch: this.#maxBatch,
      maxBuffered: Math.max(1, options.maxBuffered ?? 50_000),
      spillDir: options.spillDir,
      spillFileMaxEntries: Math.max(1, options.spillFileMaxEntries ?? 10_000),
      logger: this.#logger,
      onChange: () => this.#checkWaiters(),
      describeError,
    });
    this.#task = this.#run();
  }

  stats(): PredictionLogWriterStats {
    const { queued, spilled, dropped, spilledTotal } = this.#queue.counts();
    return {
      queued,
      spilled,
      written: this.#written,
      dropped,
      failedWrites: this.#failedWrites,
      rejected: this.#rejected,
      spilledTotal,
    };
  }

  enqueue(entry: PredictionLogEntry): void {
    try {
      if (this.#stopped) {
        if (!this.#closedDropLogged) {
          this.#closedDropLogged = true;
          this.#logger.error("Prediction log entries dropped: the writer is closed", {
            predictionId: entry?.request?.id,
          });
        }
        this.#queue.countDropped(1);
        return;
      }
      this.#queue.push(stampCreatedAt(entry));
      if (this.#phase === "idle" || this.#queue.unbatched >= this.#maxBatch) this.#wake();
    } catch (error) {
      this.#queue.countDropped(1);
      this.#logger.error("Prediction log entry dropped: cannot queue it", {
        error: describeError(error),
      });
    }
  }

  flush(timeoutMs = this.#flushTimeoutMs): Promise<void> {
    const seq = this.#queue.nextSeq;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        seq,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          const { queued, spilled } = this.#queue.counts();
          reject(
            new Error(
              `Prediction log flush timed out after ${timeoutMs} ms: ${queued} entries queued, ${spilled} spilled`,
            ),
          );
        }, timeoutMs),
      };
      this.#waiters.push(waiter);
      this.#checkWaiters();
      this.#wake();
    });
  }

  close(timeoutMs = this.#closeTimeoutMs): Promise<void> {
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
    this.#stopped = true;
    this.#queue.stop();
    this.#signal.notify();
    // A hung write is not waited for: its batch is saved below and may still land.
    if (this.#phase !== "writing") await this.#task;
    if (this.#queue.hasWork()) await this.#queue.saveUnwritten();
    await this.#queue.drained();
    await this.#deadLetters;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error("Prediction log writer closed before the flush completed"));
    }
  }

  #wake(): void {
    if (this.#phase === "idle" || this.#phase === "gathering") this.#signal.notify();
  }

  #urgent(): boolean {
    return this.#stopped || this.#waiters.length > 0 || this.#closing !== undefined ||
      this.#queue.unbatched >= this.#maxBatch;
  }

  async #run(): Promise<void> {
    await this.#queue.recovery;
    await this.#gather();
    while (!this.#stopped) {
      this.#phase = "taking";
      const batch = await this.#queue.next();
      if (this.#stopped) break;
      if (batch) {
        await this.#writeBatch(batch);
        continue;
      }
      this.#checkWaiters();
      this.#phase = "idle";
      // An entry may have come in while `next()` was returning.
      if (this.#queue.hasWork()) continue;
      await this.#signal.wait();
      await this.#gather();
    }
  }

  /** Lets a batch form for a moment after idling; a full batch, a flush or close cut it short. */
  async #gather(): Promise<void> {
    this.#phase = "gathering";
    const until = performance.now() + this.#flushIntervalMs;
    while (!this.#urgent() && performance.now() < until) {
      await this.#signal.wait(until - performance.now());
    }
  }

  /** Writes a batch, retrying with backoff until it lands, is refused, or the writer stops. */
  async #writeBatch(batch: Batch): Promise<void> {
    for (let attempt = 0;; attempt++) {
      this.#phase = "writing";
      try {
        await this.#attempt(batch.entries);
        this.#written += batch.entries.length;
        this.#endOutage();
        this.#queue.settle(batch);
        return;
      } catch (error) {
        if (this.#isPermanent(error)) return this.#refuse(batch, error);
        this.#failedWrites++;
        if (!this.#outage) {
          this.#outage = { since: performance.now(), failures: 0 };
          this.#logger.warn("Cannot write prediction logs; retrying with backoff", {
            error: describeError(error),
            ...this.#queue.counts(),
          });
        }
        this.#outage.failures++;
        if (this.#stopped) return;
        this.#phase = "backoff";
        await this.#signal.wait(backoffDelay(this.#retry, attempt));
        if (this.#stopped) return;
      }
    }
  }

  /** One write, failed after `writeTimeoutMs` if it has not settled by then. */
  async #attempt(entries: PredictionLogEntry[]): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Prediction log write timed out after ${this.#writeTimeoutMs} ms`)),
        this.#writeTimeoutMs,
      );
    });
    try {
      await Promise.race([this.#write(entries), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  #endOutage(): void {
    if (!this.#outage) return;
    this.#logger.info("Prediction log writes recovered", {
      downMs: Math.round(performance.now() - this.#outage.since),
      failedWrites: this.#outage.failures,
      ...this.#queue.counts(),
    });
    this.#outage = undefined;
  }

  /** The database answered but refused the rows: isolate the bad entries by halving. */
  #refuse(batch: Batch, error: unknown): void {
    this.#endOutage();
    if (batch.entries.length > 1) {
      const half = Math.ceil(batch.entries.length / 2);
      this.#queue.retry(batch, [
        { ...batch, entries: batch.entries.slice(0, half) },
        { ...batch, entries: batch.entries.slice(half) },
      ]);
      return;
    }
    if (!this.#queue.settle(batch)) return;
    const [entry] = batch.entries;
    this.#rejected++;
    this.#logger.error("The database refused a prediction log entry; it is set aside", {
      predictionId: entry.request.id,
      error: describeError(error),
    });
    if (this.#spillDir === undefined) return;
    const line = JSON.stringify({ rejectedAt: new Date(), error: describeError(error), entry });
    const path = join(this.#spillDir, rejectedFileName);
    this.#deadLetters = this.#deadLetters.then(() => this.#queue.recovery)
      .then(() => appendSpillLines(path, [line]))
      .catch((writeError) =>
        this.#logger.error("Cannot keep a refused prediction log entry", {
          predictionId: entry.request.id,
          error: describeError(writeError),
        })
      );
  }

  #checkWaiters(): void {
    if (this.#waiters.length === 0) return;
    const lowest = this.#queue.lowestUnsettled();
    for (const waiter of [...this.#waiters]) {
      if (waiter.seq > lowest) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }
}
