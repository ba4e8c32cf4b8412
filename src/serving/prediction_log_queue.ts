/**
 * The queue of the prediction log writer: entries are numbered as they come, wait in the
 * backlog (`prediction_log_backlog.ts`), and are handed out in batches that stay unsettled
 * until written or refused (`unsettled_batches.ts`); a failed batch is handed out again first.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { PredictionLogBacklog, type PredictionLogQueueOptions } from "./prediction_log_backlog.ts";
import type { Batch } from "./prediction_log_segments.ts";
import { UnsettledBatches } from "./unsettled_batches.ts";

/** The writer's backlog; every method but `next` and the shutdown ones is synchronous. */
export class PredictionLogQueue {
  readonly #options: PredictionLogQueueOptions;
  readonly #backlog: PredictionLogBacklog;
  readonly #batches = new UnsettledBatches();
  #nextSeq = 0;
  /** Resolves once leftover spill files are found (never rejects). */
  readonly recovery: Promise<void>;

  constructor(options: PredictionLogQueueOptions) {
    this.#options = options;
    this.#backlog = new PredictionLogBacklog(options);
    this.recovery = this.#backlog.recovery;
  }

  /** Sequence number the next entry gets; `flush()` waits for every number below it. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  /** Entries in memory (outstanding batches included), in spill files, and dropped so far. */
  counts(): { queued: number; spilled: number; spilledTotal: number; dropped: number } {
    const counts = this.#backlog.counts;
    const { spilled, spilledTotal, dropped } = counts;
    return { queued: counts.inMemory(), spilled, spilledTotal, dropped };
  }

  /** Entries waiting in memory segments, not yet taken into a batch. */
  get unbatched(): number {
    return this.#backlog.counts.inSegments;
  }

  countDropped(count: number): void {
    this.#backlog.counts.dropped += count;
  }

  /**
   * Adds an entry at the back: in memory below `maxBuffered`, else in a spill file, else
   * (no spill directory) in memory after dropping the oldest entry not being written.
   */
  push(entry: PredictionLogEntry): void {
    this.#backlog.push(entry, this.#nextSeq++);
  }

  hasWork(): boolean {
    return !this.#batches.isEmpty() || this.#backlog.hasEntries();
  }

  /** The oldest batch to write, reading a spill file back when its turn comes. */
  next(): Promise<Batch | undefined> {
    const retry = this.#batches.nextRetry();
    if (retry) return Promise.resolve(retry);
    return this.#backlog.take(this.#batches);
  }

  /** The batch was written or refused for good. False when `saveUnwritten` took it over. */
  settle(batch: Batch): boolean {
    if (!this.#batches.settle(batch)) return false;
    this.#backlog.release(batch.entries.length);
    this.#options.onChange();
    return true;
  }

  /** Writes these batches next, the first one first (instead of `batch`, if given). */
  retry(batch: Batch, replacements: Batch[] = [batch]): void {
    this.#batches.retry(batch, replacements);
  }

  /** The lowest sequence number not settled yet; -Infinity while leftovers wait. */
  lowestUnsettled(): number {
    if (!this.#backlog.recovered) return -Infinity;
    return Math.min(this.#batches.lowestSeq(), this.#backlog.lowestSeq());
  }

  /** Stops reading spill files back; appends still running finish (see `drained`). */
  stop(): void {
    this.#backlog.stop();
  }

  /** Resolves when every spilled entry is on disk (or counted as dropped after `stop`). */
  drained(): Promise<void> {
    return this.#backlog.drained();
  }

  /**
   * After `stop`: moves everything still in memory (outstanding batches included, which may
   * still land: replaying a stored id is harmless) to a spill file for the next process, or
   * counts it as dropped without a spill directory. Returns how many entries were moved.
   */
  saveUnwritten(): Promise<number> {
    return this.#backlog.saveUnwritten(this.#batches.takeAll());
  }
}
