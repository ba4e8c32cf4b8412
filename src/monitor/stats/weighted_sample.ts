/**
 * A sample as its sorted distinct values and how often each occurs: everything the drift
 * tests read of a numeric column (empirical CDF, moments, histograms) follows exactly from it,
 * so a reference kept this way needs no rows.
 * @module
 */

/** Sorted distinct finite values and their counts; `total` is the sum of the counts. */
export interface WeightedSample {
  values: Float64Array;
  counts: Float64Array;
  total: number;
}

/** The weighted sample of `values` (finite numbers; NaN and infinities are the caller's). */
export function weightedSample(values: Float64Array): WeightedSample {
  const sorted = Float64Array.from(values).sort();
  const distinct = new Float64Array(sorted.length);
  const counts = new Float64Array(sorted.length);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    // -0 and 0 are one value, as pandas counts them.
    if (k >= 0 && sorted[i] === distinct[k]) counts[k]++;
    else {
      distinct[++k] = sorted[i] === 0 ? 0 : sorted[i];
      counts[k] = 1;
    }
  }
  return { values: distinct.slice(0, k + 1), counts: counts.slice(0, k + 1), total: sorted.length };
}

/** Mean and population standard deviation (numpy's `np.std`, ddof 0). */
export function meanAndStd(sample: WeightedSample): { mean: number; std: number } {
  const { values, counts, total } = sample;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * counts[i];
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += counts[i] * (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / total) };
}

/** How many values are < x (`left`) or <= x (`right`), as numpy's searchsorted sides. */
export function countBelow(sample: WeightedSample, x: number, side: "left" | "right"): number {
  const { values, counts } = sample;
  let lo = 0, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (side === "left" ? values[mid] < x : values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  let count = 0;
  for (let i = 0; i < lo; i++) count += counts[i];
  return count;
}
