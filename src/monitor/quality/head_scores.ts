import { type BinaryLabel, rocAuc } from "../../ml/metrics/probability_metrics.ts";
import { type AucEstimate, ScoreHistogram } from "./score_histogram.ts";

/** How a head's ROC AUC is kept: exact scores up to a cap, then score histograms. */
export interface ScoreOptions {
  /** Bins of each class's score histogram over [0, 1]; default 10,000 (width 1e-4). */
  bins?: number;
  /** Rows whose scores are kept exactly, per head; default 20,000. */
  exactScoreCap?: number;
}

/** One-vs-rest ROC AUC of every class of a head, and how it was computed. */
export interface ClassAucs {
  /** In the head's class order. */
  perClass: AucEstimate[];
  method: "exact" | "histogram";
}

/**
 * The scores ROC AUC needs, in bounded memory. While the window has at most `exactScoreCap`
 * rows their scores are kept and AUC is exact (`rocAuc`, equal to scikit-learn's); past the
 * cap the kept scores are dropped and the per-class histograms, filled from the first row on,
 * answer with their error bound. Memory: at most cap × (k + 1) numbers plus 2 × bins × k
 * counts for k classes (by default about 0.8 MB for churn, 2.7 MB for an 8-class head).
 */
export class HeadScoreStore {
  readonly #classes: number;
  readonly #cap: number;
  readonly #histograms: ScoreHistogram[];
  #truth: number[] | undefined = [];
  #scores: number[][] | undefined;
  #complete = true;

  constructor(classes: number, options: ScoreOptions = {}) {
    this.#classes = classes;
    this.#cap = options.exactScoreCap ?? 20_000;
    this.#histograms = Array.from({ length: classes }, () => new ScoreHistogram(options.bins));
    this.#scores = Array.from({ length: classes }, () => []);
  }

  /** Adds one labelled row; `scores` undefined (missing or not finite) disables AUC. */
  add(truthIndex: number, scores: readonly number[] | undefined): void {
    if (!scores) {
      this.#complete = false;
      return;
    }
    for (let c = 0; c < this.#classes; c++) this.#histograms[c].add(scores[c], truthIndex === c);
    if (!this.#truth || !this.#scores) return;
    if (this.#truth.length >= this.#cap) {
      // Past the cap: from here on the histograms answer.
      this.#truth = undefined;
      this.#scores = undefined;
      return;
    }
    this.#truth.push(truthIndex);
    for (let c = 0; c < this.#classes; c++) this.#scores[c].push(scores[c]);
  }

  /** How many rows' scores are held exactly (never more than the cap). */
  get retained(): number {
    return this.#truth?.length ?? 0;
  }

  /** Per-class AUCs, or undefined when a row came without usable scores. */
  aucs(): ClassAucs | undefined {
    if (!this.#complete) return undefined;
    const truth = this.#truth;
    const scores = this.#scores;
    if (!truth || !scores) {
      return { perClass: this.#histograms.map((h) => h.auc()), method: "histogram" };
    }
    const perClass = scores.map((column, c) => {
      if (truth.length === 0) return { value: null, errorBound: 0 };
      const value = rocAuc(truth.map((t): BinaryLabel => (t === c ? 1 : 0)), column);
      return { value: Number.isNaN(value) ? null : value, errorBound: 0 };
    });
    return { perClass, method: "exact" };
  }
}
