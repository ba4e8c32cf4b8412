/**
 * The batches a prediction log queue handed out and that are not settled yet: outstanding
 * ones (being written) and those to write again before any new batch.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { type Batch, lowestSeqOf } from "./prediction_log_segments.ts";

export class UnsettledBatches {
  /** Batches to write before new ones, last first (a failed batch, halves of a refused one). */
  readonly #retries: Batch[] = [];
  readonly #outstanding = new Set<Batch>();

  isEmpty(): boolean {
    return this.#outstanding.size === 0 && this.#retries.length === 0;
  }

  /** Hands a batch out: it stays outstanding until settled or retried. */
  track(batch: Batch): Batch {
    this.#outstanding.add(batch);
    return batch;
  }

  /** The next batch to write again, handed out; undefined when none waits. */
  nextRetry(): Batch | undefined {
    const retry = this.#retries.pop();
    return retry && this.track(retry);
  }

  /** False when the batch is not outstanding (any more). */
  settle(batch: Batch): boolean {
    return this.#outstanding.delete(batch);
  }

  /** Writes these batches next, the first one first, instead of the outstanding `batch`. */
  retry(batch: Batch, replacements: Batch[]): void {
    if (!this.#outstanding.delete(batch)) return;
    this.#retries.push(...[...replacements].reverse());
  }

  lowestSeq(): number {
    let lowest = Infinity;
    for (const batch of [...this.#outstanding, ...this.#retries]) {
      lowest = Math.min(lowest, lowestSeqOf(batch));
    }
    return lowest;
  }

  /** Every entry in them, outstanding batches first, retries in order; forgets them all. */
  takeAll(): PredictionLogEntry[] {
    const entries: PredictionLogEntry[] = [];
    for (const batch of this.#outstanding) entries.push(...batch.entries);
    for (const batch of [...this.#retries].reverse()) entries.push(...batch.entries);
    this.#outstanding.clear();
    this.#retries.length = 0;
    return entries;
  }
}
