/**
 * ROC AUC from a histogram of scores: the bounded-memory half of a head's ROC AUC, used once a
 * window has more labelled rows than exact scores are kept for ({@link HeadScoreStore}).
 * @module
 */

/** An AUC and how far from the exact (scikit-learn) value it can be. */
export interface AucEstimate {
  /** `null` when the truth holds a single class: AUC is undefined there. */
  value: number | null;
  /** |value - exact| <= errorBound; 0 when computed from the exact scores. */
  errorBound: number;
}

/**
 * Counts of positive and negative rows per score bin: `bins` equal bins over [0, 1], so a bin
 * is 1/bins wide (1e-4 with the default 10,000). Two rows in different bins are ordered
 * exactly; a positive and a negative sharing a bin are counted as a tie (half a win), which is
 * wrong by at most half a pair. Hence the bound reported with the value:
 * `|AUC - exact| <= 0.5 * sum_b pos_b * neg_b / (P * N)`, computed from the counts themselves,
 * so it is tight for the data at hand (0 when no bin holds both classes; 0.5 at worst, when
 * every score falls in one bin). Memory: 2 × bins float64 counts, whatever the row count.
 */
export class ScoreHistogram {
  readonly #positive: Float64Array;
  readonly #negative: Float64Array;

  constructor(readonly bins = 10_000) {
    if (!Number.isInteger(bins) || bins < 1) {
      throw new RangeError(`Cannot build a score histogram of ${bins} bins`);
    }
    this.#positive = new Float64Array(bins);
    this.#negative = new Float64Array(bins);
  }

  /** Counts one row; scores outside [0, 1] land in the first or last bin. */
  add(score: number, positive: boolean): void {
    const bin = Math.min(this.bins - 1, Math.max(0, Math.floor(score * this.bins)));
    (positive ? this.#positive : this.#negative)[bin]++;
  }

  /** The Mann-Whitney AUC over the bins, with its error bound. */
  auc(): AucEstimate {
    let negativesBelow = 0;
    let wins = 0;
    let ties = 0;
    let positives = 0;
    for (let bin = 0; bin < this.bins; bin++) {
      const pos = this.#positive[bin];
      const neg = this.#negative[bin];
      wins += pos * negativesBelow;
      ties += pos * neg;
      negativesBelow += neg;
      positives += pos;
    }
    const pairs = positives * negativesBelow;
    if (pairs === 0) return { value: null, errorBound: 0 };
    return { value: (wins + 0.5 * ties) / pairs, errorBound: (0.5 * ties) / pairs };
  }
}
