import type { LabelledPrediction } from "../../db/mod.ts";
import type { Head } from "../../domain/model_codec.ts";
import {
  type BinaryLabel,
  logLoss,
  multiclassLogLoss,
} from "../../ml/metrics/probability_metrics.ts";
import { type ClassAucs, HeadScoreStore, type ScoreOptions } from "./head_scores.ts";

/** What a head's rows added up to: counts and sums only, never the rows. */
export interface HeadCounts {
  head: string;
  classes: readonly string[];
  /** Rows counted. */
  n: number;
  /** Rows left out because the truth or the prediction is not one of the head's classes. */
  skipped: number;
  /** `confusionMatrix[t][p]`, in the head's class order. */
  confusionMatrix: number[][];
  /** Mean cross-entropy; null without rows or when a row came without scores. */
  logLoss: number | null;
  /** One-vs-rest AUC per class; undefined when a row came without scores. */
  aucs: ClassAucs | undefined;
}

/** The scores of `row` in class order, or undefined when one is missing or not finite. */
function scoresOf(row: LabelledPrediction, classes: readonly string[]): number[] | undefined {
  const scores = classes.map((label) => row.scores?.[label]);
  return scores.every((s) => typeof s === "number" && Number.isFinite(s))
    ? scores as number[]
    : undefined;
}

/**
 * Accumulates one head's labelled rows page by page into a confusion matrix, a log-loss sum and
 * the scores ROC AUC needs ({@link HeadScoreStore}); each page is dropped once counted.
 */
export class HeadAccumulator {
  readonly #head: Head;
  readonly #index: Map<string, number>;
  readonly #matrix: number[][];
  readonly #scores: HeadScoreStore;
  #n = 0;
  #skipped = 0;
  #lossSum = 0;
  #scored = 0;

  constructor(head: Head, options: ScoreOptions = {}) {
    this.#head = head;
    this.#index = new Map(head.classes.map((label, i) => [label, i]));
    const k = head.classes.length;
    this.#matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    this.#scores = new HeadScoreStore(k, options);
  }

  /** Counts one page's rows of this head. */
  addRows(rows: readonly LabelledPrediction[]): void {
    const truths: number[] = [];
    const scoreRows: number[][] = [];
    for (const row of rows) {
      const t = this.#index.get(row.truth);
      const p = this.#index.get(row.predicted);
      if (t === undefined || p === undefined) {
        this.#skipped++;
        continue;
      }
      this.#n++;
      this.#matrix[t][p]++;
      const scores = scoresOf(row, this.#head.classes);
      this.#scores.add(t, scores);
      if (scores) {
        truths.push(t);
        scoreRows.push(scores);
      }
    }
    if (truths.length === 0) return;
    // The page's mean loss times its rows: the window's mean stays exact across pages.
    const mean = this.#head.classes.length === 2
      ? logLoss(truths as BinaryLabel[], scoreRows.map((s) => s[1]))
      : multiclassLogLoss(truths, scoreRows);
    this.#lossSum += mean * truths.length;
    this.#scored += truths.length;
  }

  /** Exact scores held for ROC AUC (bounded by the cap). */
  get retainedScores(): number {
    return this.#scores.retained;
  }

  /** The totals so far. */
  counts(): HeadCounts {
    const complete = this.#scored === this.#n;
    return {
      head: this.#head.name,
      classes: this.#head.classes,
      n: this.#n,
      skipped: this.#skipped,
      confusionMatrix: this.#matrix.map((row) => [...row]),
      logLoss: this.#n > 0 && complete ? this.#lossSum / this.#n : null,
      aucs: this.#n > 0 ? this.#scores.aucs() : undefined,
    };
  }
}
