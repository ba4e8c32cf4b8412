import type { LabelledPrediction } from "../../db/mod.ts";
import type { Head } from "../../domain/model_codec.ts";
import { HeadAccumulator, type HeadCounts } from "./head_accumulator.ts";
import type { ScoreOptions } from "./head_scores.ts";
import type { ReadStats } from "./quality_types.ts";

/**
 * A window's labelled rows, counted per head one page at a time: the page is grouped by head,
 * counted, and dropped. What stays is a k×k matrix, two sums and the bounded score store per
 * head, whatever the number of rows.
 */
export class WindowAccumulator {
  readonly #heads: Map<string, HeadAccumulator>;
  readonly #stats: ReadStats = { pages: 0, rows: 0, largestPage: 0, unknownHead: 0 };

  constructor(heads: readonly Head[], options: ScoreOptions = {}) {
    this.#heads = new Map(heads.map((head) => [head.name, new HeadAccumulator(head, options)]));
  }

  /** Counts one page. */
  addPage(rows: readonly LabelledPrediction[]): void {
    this.#stats.pages++;
    this.#stats.rows += rows.length;
    this.#stats.largestPage = Math.max(this.#stats.largestPage, rows.length);
    const byHead = new Map<string, LabelledPrediction[]>();
    for (const row of rows) {
      if (!this.#heads.has(row.head)) {
        this.#stats.unknownHead++;
        continue;
      }
      const group = byHead.get(row.head);
      if (group) group.push(row);
      else byHead.set(row.head, [row]);
    }
    for (const [head, group] of byHead) this.#heads.get(head)?.addRows(group);
  }

  /** Exact scores held across heads for ROC AUC: bounded by heads × the cap. */
  get retainedScores(): number {
    let total = 0;
    for (const head of this.#heads.values()) total += head.retainedScores;
    return total;
  }

  /** How the window was read so far. */
  get stats(): ReadStats {
    return { ...this.#stats };
  }

  /** The totals per head, in the model's head order. */
  counts(): HeadCounts[] {
    return [...this.#heads.values()].map((head) => head.counts());
  }
}
