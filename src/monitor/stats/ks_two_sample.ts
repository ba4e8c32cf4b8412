/**
 * scipy.stats.ks_2samp(reference, current) with `method='auto'`, two-sided, on weighted
 * samples: exact while both sizes are at most 10,000, Smirnov's asymptotic distribution
 * above, and the asymptotic one too when the exact computation fails (as scipy falls back).
 * @module
 */
import { exactKsPValue, roundHalfEven } from "./ks_exact.ts";
import { kolmogornSf } from "./kolmogorov.ts";
import type { WeightedSample } from "./weighted_sample.ts";

/** scipy's MAX_AUTO_N: 'auto' is exact when both samples are at most this size. */
const maxExactSize = 10_000;

/** The two-sided statistic: the largest gap between the two empirical CDFs. */
export function ksStatistic(a: WeightedSample, b: WeightedSample): number {
  let i = 0, j = 0, ca = 0, cb = 0, maxDiff = -Infinity, minDiff = Infinity;
  while (i < a.values.length || j < b.values.length) {
    const x = j >= b.values.length || (i < a.values.length && a.values[i] <= b.values[j])
      ? a.values[i]
      : b.values[j];
    while (i < a.values.length && a.values[i] <= x) ca += a.counts[i++];
    while (j < b.values.length && b.values[j] <= x) cb += b.counts[j++];
    // The CDFs as scipy builds them: counts at or below x over the sample size.
    const diff = ca / a.total - cb / b.total;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  return minS > maxDiff ? minS : maxDiff;
}

/** The two-sided p-value of ks_2samp. */
export function ksPValue(reference: WeightedSample, current: WeightedSample): number {
  if (Math.min(reference.total, current.total) === 0) {
    throw new Error("ks_2samp needs two non-empty samples");
  }
  return ksPValueOf(reference.total, current.total, ksStatistic(reference, current));
}

/** ks_2samp's two-sided p-value for sample sizes n1, n2 and statistic d. */
export function ksPValueOf(n1: number, n2: number, d: number): number {
  if (Math.max(n1, n2) <= maxExactSize) {
    const exact = exactKsPValue(n1, n2, d);
    if (exact) return Math.min(1, Math.max(0, exact.p));
    d = roundedStatistic(n1, n2, d);
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  return Math.min(1, Math.max(0, kolmogornSf(roundHalfEven(en), d)));
}

/** The statistic rounded to the lattice, as scipy keeps it when the exact attempt fails. */
function roundedStatistic(n1: number, n2: number, d: number): number {
  let a = n1, b = n2;
  while (b) [a, b] = [b, a % b];
  const lcm = (n1 / a) * n2;
  return roundHalfEven(d * lcm) / lcm;
}
