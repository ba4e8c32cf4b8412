/**
 * What the prediction log queue does with an entry once `maxBuffered` entries are in
 * memory: spill it to disk or, without a spill directory, keep it in memory after dropping
 * the oldest entry not being written. Each overflow is logged once.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { dropOldestInMemory, keepInMemory } from "./memory_segments.ts";
import type { SharedQueueState } from "./prediction_log_segments.ts";
import type { SpillAppender } from "./spill_appender.ts";

export interface QueueOverflowOptions {
  maxBuffered: number;
  spillDir?: string;
  /** Called when an entry is dropped. */
  onChange(): void;
}

export class QueueOverflow {
  readonly #queue: SharedQueueState;
  readonly #options: QueueOverflowOptions;
  readonly #spill?: SpillAppender;
  #logged = false;

  constructor(queue: SharedQueueState, options: QueueOverflowOptions, spill?: SpillAppender) {
    this.#queue = queue;
    this.#options = options;
    this.#spill = spill;
  }

  /** Takes an entry that memory has no room for. */
  accept(entry: PredictionLogEntry, seq: number): void {
    const { maxBuffered, spillDir } = this.#options;
    if (this.#spill) {
      this.#spill.add(entry, seq);
      this.#warn("Prediction log buffer is full; spilling entries to disk", {
        maxBuffered,
        spillDir,
      });
    } else if (this.#dropOldest()) {
      keepInMemory(this.#queue.segments, this.#queue.counts, entry, seq);
    }
  }

  /** Called as memory empties: the next overflow is logged too once it is down to half. */
  ebb(): void {
    if (this.#queue.counts.inMemory() < this.#options.maxBuffered / 2) this.#logged = false;
  }

  /** Makes room by dropping the oldest entry not being written; false drops the new one. */
  #dropOldest(): boolean {
    this.#queue.counts.dropped++;
    this.#warn(
      "Prediction log buffer is full and there is no spill directory; dropping the oldest entries",
      { maxBuffered: this.#options.maxBuffered },
    );
    if (!dropOldestInMemory(this.#queue.segments, this.#queue.counts)) return false;
    this.#options.onChange();
    return true;
  }

  #warn(message: string, fields: Record<string, unknown>): void {
    if (this.#logged) return;
    this.#logged = true;
    this.#queue.logger.warn(message, fields);
  }
}
