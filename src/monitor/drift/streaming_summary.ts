/**
 * Rows summarised as they arrive, for data too large to hold (a monitoring window read from
 * Postgres page by page): rows are summarised a block at a time under the reference's mapping
 * and descriptors, and each block is merged into the running summary (`mergeStats`). Memory is
 * one block of rows plus the summary, whose numeric columns keep at most `maxDistinct` distinct
 * values; up to that the result equals `summariseCurrent` of all the rows.
 * @module
 */
import { defaultMaxDistinct } from "./column_summary.ts";
import { type ReferenceStats, summariseCurrent } from "./reference_stats.ts";
import { mergeStats } from "./summary_merge.ts";

/** How rows are summarised on the way. */
export interface StreamingSummaryOptions {
  /** Rows summarised at a time (default 20,000). */
  blockRows?: number;
  /** Distinct numbers per column kept exactly (default 100,000, as for a reference). */
  maxDistinct?: number;
}

/** Summarises rows one at a time as `reference` was summarised; see the module's doc. */
export class StreamingSummary {
  readonly #reference: ReferenceStats;
  readonly #blockRows: number;
  readonly #maxDistinct: number;
  #block: Record<string, unknown>[] = [];
  #summary: ReferenceStats | undefined;

  constructor(reference: ReferenceStats, options: StreamingSummaryOptions = {}) {
    this.#reference = reference;
    this.#blockRows = options.blockRows ?? 20_000;
    this.#maxDistinct = options.maxDistinct ?? defaultMaxDistinct;
  }

  /** Adds one row (an object keyed by column). */
  add(row: Record<string, unknown>): void {
    this.#block.push(row);
    if (this.#block.length >= this.#blockRows) this.#flush();
  }

  /** The summary of every row added so far. */
  result(): ReferenceStats {
    this.#flush();
    return this.#summary ?? summariseCurrent([], this.#reference, this.#maxDistinct);
  }

  #flush(): void {
    if (this.#block.length === 0) return;
    const block = summariseCurrent(this.#block, this.#reference, this.#maxDistinct);
    this.#block = [];
    this.#summary = this.#summary ? mergeStats(this.#summary, block, this.#maxDistinct) : block;
  }
}
