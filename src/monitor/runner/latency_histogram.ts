/**
 * p99 latency in bounded memory: a fixed histogram of log-spaced bins, each 1% wider than
 * the last, from 0.01 ms to about 30 minutes (1,900 bins, 15 KB), whatever the window holds.
 * A quantile is reported as the upper edge of the bin holding its rank (nearest rank, as
 * numpy's `inverted_cdf`), clamped to the exact min and max seen, so it is at most 1% above
 * the exact value and never below it.
 */

const lowest = 0.01;
const ratio = 1.01;
const binCount = 1_900;
const logRatio = Math.log(ratio);

/** Counts latencies into log-spaced bins; see the module's doc. */
export class LatencyHistogram {
  readonly #counts = new Float64Array(binCount);
  #n = 0;
  #min = Infinity;
  #max = -Infinity;

  /** Adds one latency in milliseconds; a negative or non-finite value is ignored. */
  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const bin = ms <= lowest
      ? 0
      : Math.min(binCount - 1, Math.ceil(Math.log(ms / lowest) / logRatio));
    this.#counts[bin]++;
    this.#n++;
    this.#min = Math.min(this.#min, ms);
    this.#max = Math.max(this.#max, ms);
  }

  /** Latencies counted. */
  get count(): number {
    return this.#n;
  }

  /** The `q` quantile (0 < q <= 1), or undefined when nothing was counted. */
  quantile(q: number): number | undefined {
    if (this.#n === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.#n));
    let seen = 0;
    for (let bin = 0; bin < binCount; bin++) {
      seen += this.#counts[bin];
      if (seen >= rank) {
        const upper = lowest * ratio ** bin;
        return Math.min(this.#max, Math.max(this.#min, upper));
      }
    }
    return this.#max;
  }
}
