/**
 * Writes served predictions to the database in the background: the HTTP handler enqueues
 * and returns, a single loop writes batches, retries through outages, and spills to disk
 * when memory fills up, so a prediction is never lost while the disk holds.
 *
 * Entries move through a FIFO of segments: in-memory ones, and spill files (JSON lines)
 * once `maxBuffered` entries wait in memory. Spill files left by a crashed process are put
 * in front at start-up. Exactly one write is in flight at a time (`maxBatch` entries at
 * most); a failing write is retried with backoff until it lands, unless the database
 * refuses the rows themselves (see `isPermanentWriteError`): then the batch is halved until
 * the refused entries are isolated, logged, counted as `rejected` and kept in
 * `prediction-log-rejected.jsonl` when there is a spill directory.
 */
import { join } from "node:path";
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { createLogger, type Logger } from "../logger.ts";
import {
  appendSpillLines,
  createSpillNamer,
  findLeftoverSpillFiles,
  parseSpillLine,
  readSpillLines,
  rejectedFileName,
  removeSpillFile,
  serializeEntry,
  type SpillNamer,
} from "./spill_file.ts";
import {
  backoffDelay,
  describeError,
  isPermanentWriteError,
  type RetryOptions,
  withTimeout,
} from "./write_failures.ts";

export type { RetryOptions } from "./write_failures.ts";

/** How the writer batches, buffers, spills and retries. Only `write` is required. */
export interface PredictionLogWriterOptions {
  /** Stores a batch, all or nothing; e.g. `(entries) => logPredictions(db, entries)`. */
  write(entries: PredictionLogEntry[]): Promise<void>;
  /** Most entries per write (default 500). */
  maxBatch?: number;
  /** How long an idle writer lets a batch form after the first entry arrives (default 50 ms). */
  flushIntervalMs?: number;
  /** Entries kept in memory (default 50,000); beyond it they spill to disk, or drop without `spillDir`. */
  maxBuffered?: number;
  /** Directory of the spill files; undefined (Deno Deploy) drops the oldest entries instead. */
  spillDir?: string;
  /** Entries per spill file before the next one starts (default 10,000). */
  spillFileMaxEntries?: number;
  /** Backoff between attempts of a failing write (default 100 ms doubling to 5 s, jittered). */
  retry?: RetryOptions;
  /** A write not settled after this long counts as failed and is retried (default 30 s). */
  writeTimeoutMs?: number;
  /** Default limit of `flush()` (30 s) and `close()` (10 s). */
  flushTimeoutMs?: number;
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
  /** Entries stored (a retried entry the database already had counts once more). */
  written: number;
  /** Entries lost: beyond `maxBuffered` without a spill directory, unreadable spill lines. */
  dropped: number;
  /** Write attempts that failed. */
  failedWrites: number;
  /** Entries the database refused (bad data, missing ticket): logged and set aside. */
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

interface Batch {
  entries: PredictionLogEntry[];
  /** Sequence number of the first entry (a lower bound for spill files); -1 for leftovers. */
  firstSeq: number;
  leftover: boolean;
}

interface MemorySegment {
  kind: "memory";
  entries: PredictionLogEntry[];
  /** Index of the first entry not yet taken; `firstSeq` is its sequence number. */
  next: number;
  firstSeq: number;
}

interface DiskSegment {
  kind: "disk";
  path: string;
  leftover: boolean;
  firstSeq: number;
  /** Entries in the segment not yet taken into a batch. */
  size: number;
  /** Serialized entries not yet appended to the file. */
  pending: string[];
  appending?: Promise<void>;
  /** No entry is added any more (full, or being read back). */
  sealed: boolean;
  reading: boolean;
  loaded?: PredictionLogEntry[];
  taken: number;
}

type Segment = MemorySegment | DiskSegment;

interface Waiter {
  seq: number;
  resolve(): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
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

class Writer {
  readonly #write: (entries: PredictionLogEntry[]) => Promise<void>;
  readonly #maxBatch: number;
  readonly #flushIntervalMs: number;
  readonly #maxBuffered: number;
  readonly #spillDir?: string;
  readonly #spillFileMaxEntries: number;
  readonly #retry: RetryOptions;
  readonly #writeTimeoutMs: number;
  readonly #flushTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #isPermanent: (error: unknown) => boolean;
  readonly #logger: Logger;
  readonly #namer?: SpillNamer;

  readonly #segments: Segment[] = [];
  /** Batches to write before taking new ones, last first (halves of a refused batch). */
  readonly #retryStack: Batch[] = [];
  #current?: Batch;
  readonly #waiters: Waiter[] = [];
  readonly #signal = new Signal();
  readonly #spillSignal = new Signal();
  #phase: "idle" | "gathering" | "writing" | "backoff" | "other" = "other";
  #nextSeq = 0;
  #inSegments = 0;
  #inBatches = 0;
  #spilled = 0;
  #written = 0;
  #dropped = 0;
  #failedWrites = 0;
  #rejected = 0;
  #spilledTotal = 0;
  #outage?: { since: number; failures: number };
  #overflowLogged = false;
  #closedDropLogged = false;
  #spillFailing = false;
  #spillTask?: Promise<void>;
  #deadLetters: Promise<void> = Promise.resolve();
  #recovered = false;
  readonly #recovery: Promise<void>;
  readonly #task: Promise<void>;
  #stopped = false;
  #closing?: Promise<void>;

  constructor(options: PredictionLogWriterOptions) {
    this.#write = options.write;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 500);
    this.#flushIntervalMs = options.flushIntervalMs ?? 50;
    this.#maxBuffered = Math.max(1, options.maxBuffered ?? 50_000);
    this.#spillDir = options.spillDir;
    this.#spillFileMaxEntries = Math.max(1, options.spillFileMaxEntries ?? 10_000);
    this.#retry = options.retry ?? { initialMs: 100, maxMs: 5_000 };
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
    this.#flushTimeoutMs = options.flushTimeoutMs ?? 30_000;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.#isPermanent = options.isPermanentError ?? isPermanentWriteError;
    this.#logger = options.logger ?? createLogger("info");
    if (this.#spillDir !== undefined) this.#namer = createSpillNamer(this.#spillDir);
    this.#recovery = this.#recover();
    this.#task = this.#run();
  }

  stats(): PredictionLogWriterStats {
    return {
      queued: this.#inSegments + this.#inBatches,
      spilled: this.#spilled,
      written: this.#written,
      dropped: this.#dropped,
      failedWrites: this.#failedWrites,
      rejected: this.#rejected,
      spilledTotal: this.#spilledTotal,
    };
  }

  enqueue(entry: PredictionLogEntry): void {
    try {
      if (this.#stopped) {
        this.#dropped++;
        if (!this.#closedDropLogged) {
          this.#closedDropLogged = true;
          this.#logger.error("Prediction log entries dropped: the writer is closed", {
            predictionId: entry?.request?.id,
          });
        }
        return;
      }
      const stamped = stampCreatedAt(entry);
      const seq = this.#nextSeq++;
      if (this.#inSegments + this.#inBatches < this.#maxBuffered) this.#keepInMemory(stamped, seq);
      else if (this.#namer) this.#spill(stamped, seq);
      else {
        if (!this.#dropOldest()) return;
        this.#keepInMemory(stamped, seq);
      }
      if (this.#phase === "idle" || this.#inSegments >= this.#maxBatch) this.#wake();
    } catch (error) {
      this.#dropped++;
      this.#logger.error("Prediction log entry dropped: cannot queue it", {
        error: describeError(error),
      });
    }
  }

  async flush(timeoutMs = this.#flushTimeoutMs): Promise<void> {
    const seq = this.#nextSeq;
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        seq,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          const { queued, spilled } = this.stats();
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
    let flushed = false;
    try {
      // Entries enqueued while closing (requests finishing) are flushed too.
      do await this.flush(Math.max(1, deadline - performance.now())); while (
        this.#hasWork() && performance.now() < deadline
      );
      flushed = !this.#hasWork();
    } catch {
      // Timed out: what is left is saved below.
    }
    this.#stopped = true;
    this.#signal.notify();
    this.#spillSignal.notify();
    if (this.#phase !== "writing") await this.#task;
    if (!flushed) await this.#saveUnwritten();
    this.#startSpill();
    await this.#spillTask;
    await this.#deadLetters;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error("Prediction log writer closed before the flush completed"));
    }
  }

  #keepInMemory(entry: PredictionLogEntry, seq: number): void {
    let last = this.#segments.at(-1);
    if (last?.kind !== "memory") {
      last = { kind: "memory", entries: [], next: 0, firstSeq: seq };
      this.#segments.push(last);
    } else if (last.next === last.entries.length) {
      last.entries = [];
      last.next = 0;
      last.firstSeq = seq;
    }
    last.entries.push(entry);
    this.#inSegments++;
  }

  #spill(entry: PredictionLogEntry, seq: number): void {
    const line = serializeEntry(entry);
    let last = this.#segments.at(-1);
    if (last?.kind !== "disk" || last.sealed || last.size >= this.#spillFileMaxEntries) {
      last = {
        kind: "disk",
        path: this.#namer!.next(),
        leftover: false,
        firstSeq: seq,
        size: 0,
        pending: [],
        sealed: false,
        reading: false,
        taken: 0,
      };
      this.#segments.push(last);
    }
    last.pending.push(line);
    last.size++;
    this.#spilled++;
    this.#spilledTotal++;
    if (!this.#overflowLogged) {
      this.#overflowLogged = true;
      this.#logger.warn("Prediction log buffer is full; spilling entries to disk", {
        maxBuffered: this.#maxBuffered,
        spillDir: this.#spillDir,
      });
    }
    this.#startSpill();
  }

  #startSpill(): void {
    const waiting = this.#segments.some((s) => s.kind === "disk" && s.pending.length > 0);
    if (waiting) this.#spillTask ??= this.#runSpill().finally(() => this.#spillTask = undefined);
  }

  /** Makes room by dropping the oldest entry not being written; false drops the new one. */
  #dropOldest(): boolean {
    this.#dropped++;
    if (!this.#overflowLogged) {
      this.#overflowLogged = true;
      this.#logger.warn(
        "Prediction log buffer is full and there is no spill directory; dropping the oldest entries",
        {
          maxBuffered: this.#maxBuffered,
        },
      );
    }
    const segment = this.#segments.find((s): s is MemorySegment =>
      s.kind === "memory" && s.next < s.entries.length
    );
    if (!segment) return false;
    segment.next++;
    segment.firstSeq++;
    this.#inSegments--;
    this.#compact(segment);
    this.#checkWaiters();
    return true;
  }

  #wake(): void {
    if (this.#phase === "idle" || this.#phase === "gathering") this.#signal.notify();
  }

  #urgent(): boolean {
    return this.#stopped || this.#waiters.length > 0 || this.#closing !== undefined ||
      this.#inSegments >= this.#maxBatch;
  }

  #hasWork(): boolean {
    return this.#current !== undefined || this.#retryStack.length > 0 ||
      this.#segments.some((s) => s.kind === "memory" ? s.next < s.entries.length : true);
  }

  async #recover(): Promise<void> {
    try {
      if (this.#spillDir === undefined || !this.#namer) return;
      const files = await findLeftoverSpillFiles(this.#spillDir, this.#namer.instance);
      const segments: DiskSegment[] = files.map((file) => ({
        kind: "disk",
        path: file.path,
        leftover: true,
        firstSeq: -1,
        size: file.lines,
        pending: [],
        sealed: true,
        reading: false,
        taken: 0,
      }));
      this.#segments.unshift(...segments);
      const entries = files.reduce((sum, file) => sum + file.lines, 0);
      this.#spilled += entries;
      if (files.length > 0) {
        this.#logger.info("Replaying prediction logs left in spill files by a previous process", {
          files: files.length,
          entries,
          spillDir: this.#spillDir,
        });
      }
    } catch (error) {
      this.#logger.error("Cannot read the prediction log spill directory", {
        spillDir: this.#spillDir,
        error: describeError(error),
      });
    } finally {
      this.#recovered = true;
    }
  }

  async #run(): Promise<void> {
    await this.#recovery;
    await this.#gather();
    while (!this.#stopped) {
      this.#phase = "other";
      const batch = await this.#nextBatch();
      if (this.#stopped) {
        if (batch) this.#retryStack.push(batch);
        break;
      }
      if (batch) {
        await this.#writeBatch(batch);
        continue;
      }
      this.#checkWaiters();
      this.#phase = "idle";
      // An entry may have come while `#nextBatch` was returning.
      if (this.#hasWork()) continue;
      await this.#signal.wait();
      await this.#gather();
    }
    this.#phase = "other";
  }

  /** Lets a batch form for a moment after idling; a full batch, a flush or close cut it short. */
  async #gather(): Promise<void> {
    this.#phase = "gathering";
    const until = performance.now() + this.#flushIntervalMs;
    while (!this.#urgent() && performance.now() < until) {
      await this.#signal.wait(until - performance.now());
    }
  }

  async #nextBatch(): Promise<Batch | undefined> {
    const retry = this.#retryStack.pop();
    if (retry) return retry;
    while (this.#segments.length > 0 && !this.#stopped) {
      const segment = this.#segments[0];
      if (segment.kind === "memory") {
        if (segment.next < segment.entries.length) return this.#takeFromMemory(segment);
        if (this.#segments.length === 1) return undefined;
        this.#segments.shift();
      } else if (!segment.loaded) {
        await this.#load(segment);
      } else if (segment.taken < segment.loaded.length) {
        return this.#takeFromDisk(segment);
      } else {
        await this.#removeFile(segment.path);
        this.#segments.shift();
        this.#checkWaiters();
      }
    }
    return undefined;
  }

  #takeFromMemory(segment: MemorySegment): Batch {
    const count = Math.min(this.#maxBatch, segment.entries.length - segment.next);
    const batch = {
      entries: segment.entries.slice(segment.next, segment.next + count),
      firstSeq: segment.firstSeq,
      leftover: false,
    };
    segment.next += count;
    segment.firstSeq += count;
    this.#inSegments -= count;
    this.#inBatches += count;
    this.#compact(segment);
    return batch;
  }

  #takeFromDisk(segment: DiskSegment): Batch {
    const loaded = segment.loaded!;
    const count = Math.min(this.#maxBatch, loaded.length - segment.taken);
    const batch = {
      entries: loaded.slice(segment.taken, segment.taken + count),
      firstSeq: segment.leftover ? -1 : segment.firstSeq,
      leftover: segment.leftover,
    };
    segment.taken += count;
    this.#spilled -= count;
    this.#inBatches += count;
    return batch;
  }

  #compact(segment: MemorySegment): void {
    if (segment.next > 4096 && segment.next * 2 > segment.entries.length) {
      segment.entries = segment.entries.slice(segment.next);
      segment.next = 0;
    }
  }

  /** Reads a spill segment back into memory (its file plus lines not yet appended). */
  async #load(segment: DiskSegment): Promise<void> {
    segment.sealed = true;
    segment.reading = true;
    await segment.appending;
    let lines: string[];
    try {
      lines = await readSpillLines(segment.path);
    } catch (error) {
      segment.reading = false;
      this.#logger.error("Cannot read a prediction log spill file; retrying", {
        path: segment.path,
        error: describeError(error),
      });
      await this.#sleep(1_000);
      return;
    }
    if (this.#stopped) {
      segment.reading = false;
      return;
    }
    lines.push(...segment.pending.splice(0));
    const entries: PredictionLogEntry[] = [];
    let unreadable = 0;
    for (const line of lines) {
      try {
        entries.push(parseSpillLine(line));
      } catch {
        unreadable++;
      }
    }
    if (unreadable > 0) {
      this.#logger.error("Prediction log spill file has unreadable lines; they are dropped", {
        path: segment.path,
        lines: unreadable,
      });
    }
    this.#dropped += Math.max(0, segment.size - entries.length);
    this.#spilled += entries.length - segment.size;
    segment.size = entries.length;
    segment.loaded = entries;
  }

  async #writeBatch(batch: Batch): Promise<void> {
    this.#current = batch;
    this.#phase = "writing";
    for (let attempt = 0;; attempt++) {
      try {
        await withTimeout(this.#write(batch.entries), this.#writeTimeoutMs, "Prediction log write");
        if (this.#current !== batch) {
          // A late success after a timed-out close, which already saved the batch.
          this.#written += batch.entries.length;
          return;
        }
        this.#current = undefined;
        this.#written += batch.entries.length;
        this.#settle(batch);
        return;
      } catch (error) {
        if (this.#current !== batch) return;
        if (this.#isPermanent(error)) {
          this.#current = undefined;
          this.#refuse(batch, error);
          return;
        }
        this.#failedWrites++;
        if (!this.#outage) {
          this.#outage = { since: performance.now(), failures: 0 };
          this.#logger.warn("Cannot write prediction logs; retrying with backoff", {
            error: describeError(error),
            queued: this.#inSegments + this.#inBatches,
            spilled: this.#spilled,
          });
        }
        this.#outage.failures++;
        if (!this.#stopped) {
          this.#phase = "backoff";
          await this.#sleep(backoffDelay(this.#retry, attempt));
          this.#phase = "writing";
        }
        if (this.#stopped) {
          this.#current = undefined;
          this.#retryStack.push(batch);
          return;
        }
      }
    }
  }

  /** The database answered but refused the rows: isolate the bad entries by halving. */
  #refuse(batch: Batch, error: unknown): void {
    this.#endOutage();
    if (batch.entries.length > 1) {
      const half = Math.ceil(batch.entries.length / 2);
      this.#retryStack.push(
        { ...batch, entries: batch.entries.slice(half) },
        { ...batch, entries: batch.entries.slice(0, half) },
      );
      return;
    }
    const [entry] = batch.entries;
    this.#rejected++;
    this.#logger.error("The database refused a prediction log entry; it is set aside", {
      predictionId: entry.request.id,
      error: describeError(error),
    });
    if (this.#spillDir !== undefined) {
      const line = JSON.stringify({ rejectedAt: new Date(), error: describeError(error), entry });
      const path = join(this.#spillDir, rejectedFileName);
      this.#deadLetters = this.#deadLetters.then(() => this.#recovery)
        .then(() => appendSpillLines(path, [line]))
        .catch((writeError) =>
          this.#logger.error("Cannot keep a refused prediction log entry", {
            predictionId: entry.request.id,
            error: describeError(writeError),
          })
        );
    }
    this.#settle(batch);
  }

  #settle(batch: Batch): void {
    this.#inBatches -= batch.entries.length;
    this.#endOutage();
    this.#checkWaiters();
  }

  #endOutage(): void {
    if (this.#inSegments + this.#inBatches < this.#maxBuffered / 2) this.#overflowLogged = false;
    if (!this.#outage) return;
    this.#logger.info("Prediction log writes recovered", {
      downMs: Math.round(performance.now() - this.#outage.since),
      failedWrites: this.#outage.failures,
      queued: this.#inSegments + this.#inBatches,
      spilled: this.#spilled,
    });
    this.#outage = undefined;
  }

  /** The lowest sequence number not yet settled; -Infinity while leftovers wait. */
  #lowestUnsettled(): number {
    if (!this.#recovered) return -Infinity;
    let lowest = Infinity;
    const batches = this.#current ? [this.#current, ...this.#retryStack] : this.#retryStack;
    for (const batch of batches) {
      lowest = Math.min(lowest, batch.leftover ? -Infinity : batch.firstSeq);
    }
    for (const segment of this.#segments) {
      if (segment.kind === "memory") {
        if (segment.next < segment.entries.length) lowest = Math.min(lowest, segment.firstSeq);
      } else lowest = Math.min(lowest, segment.leftover ? -Infinity : segment.firstSeq);
    }
    return lowest;
  }

  #checkWaiters(): void {
    if (this.#waiters.length === 0) return;
    const lowest = this.#lowestUnsettled();
    for (const waiter of [...this.#waiters]) {
      if (waiter.seq > lowest) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  #sleep(ms: number): Promise<void> {
    return this.#stopped ? Promise.resolve() : this.#signal.wait(ms);
  }

  /** Appends spilled entries to their files, oldest segment first, one append at a time. */
  async #runSpill(): Promise<void> {
    await this.#recovery;
    for (;;) {
      const segment = this.#segments.find((s): s is DiskSegment =>
        s.kind === "disk" && s.pending.length > 0 && (!s.reading || this.#stopped)
      );
      if (!segment) return;
      const lines = segment.pending.splice(0);
      const append = appendSpillLines(segment.path, lines);
      segment.appending = append.catch(() => {});
      try {
        await append;
        this.#spillFailing = false;
      } catch (error) {
        segment.pending.unshift(...lines);
        if (!this.#spillFailing) {
          this.#logger.error("Cannot append to a prediction log spill file; retrying", {
            path: segment.path,
            error: describeError(error),
          });
        }
        this.#spillFailing = true;
        if (this.#stopped) {
          this.#dropped += segment.pending.length;
          this.#spilled -= segment.pending.length;
          segment.pending = [];
        } else await this.#spillSignal.wait(1_000);
      } finally {
        segment.appending = undefined;
      }
    }
  }

  /** After a timed-out close: keeps what is still in memory for the next process. */
  async #saveUnwritten(): Promise<void> {
    const entries: PredictionLogEntry[] = [];
    const readBack: DiskSegment[] = [];
    if (this.#current) entries.push(...this.#current.entries);
    for (const batch of [...this.#retryStack].reverse()) entries.push(...batch.entries);
    for (const segment of this.#segments) {
      if (segment.kind === "memory") entries.push(...segment.entries.slice(segment.next));
      else if (segment.loaded) {
        entries.push(...segment.loaded.slice(segment.taken));
        readBack.push(segment);
      } else segment.reading = false;
    }
    this.#current = undefined;
    this.#retryStack.length = 0;
    this.#inSegments = this.#inBatches = 0;
    if (entries.length === 0) return;
    if (this.#namer) {
      const path = this.#namer.next();
      try {
        await appendSpillLines(path, entries.map(serializeEntry));
        for (const segment of readBack) await this.#removeFile(segment.path);
        this.#spilled += entries.length;
        this.#spilledTotal += entries.length;
        this.#logger.warn(
          "Prediction log writer closed with unwritten entries; they are kept in a spill file for the next start",
          {
            entries: entries.length,
            path,
          },
        );
        return;
      } catch (error) {
        this.#logger.error("Cannot save unwritten prediction logs", {
          error: describeError(error),
        });
      }
    }
    this.#dropped += entries.length;
    this.#logger.error("Prediction log writer closed with unwritten entries; they are lost", {
      entries: entries.length,
    });
  }

  async #removeFile(path: string): Promise<void> {
    try {
      await removeSpillFile(path);
    } catch (error) {
      this.#logger.error("Cannot remove a replayed prediction log spill file", {
        path,
        error: describeError(error),
      });
    }
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
