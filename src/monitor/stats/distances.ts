/**
 * The distances Evidently's drift tests report, as scipy computes them: the first Wasserstein
 * distance of two weighted samples, the Jensen-Shannon distance and the Kullback-Leibler
 * divergence of two histograms, and the population stability index.
 * @module
 */
import type { WeightedSample } from "./weighted_sample.ts";

/** scipy.stats.wasserstein_distance: the area between the two empirical CDFs. */
export function wassersteinDistance(u: WeightedSample, v: WeightedSample): number {
  let i = 0, j = 0, cu = 0, cv = 0, area = 0, previous = NaN;
  while (i < u.values.length || j < v.values.length) {
    const x = j >= v.values.length || (i < u.values.length && u.values[i] <= v.values[j])
      ? u.values[i]
      : v.values[j];
    if (!Number.isNaN(previous)) {
      area += Math.abs(cu / u.total - cv / v.total) * (x - previous);
    }
    while (i < u.values.length && u.values[i] <= x) cu += u.counts[i++];
    while (j < v.values.length && v.values[j] <= x) cv += v.counts[j++];
    previous = x;
  }
  return area;
}

/** scipy.special.rel_entr. */
function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

const normalised = (p: readonly number[]) => {
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / sum);
};

/** scipy.spatial.distance.jensenshannon(p, q) with the natural logarithm. */
export function jensenShannonDistance(p0: readonly number[], q0: readonly number[]): number {
  const p = normalised(p0), q = normalised(q0);
  let left = 0, right = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    left += relEntr(p[i], m);
    right += relEntr(q[i], m);
  }
  return Math.sqrt((left + right) / 2);
}

/** scipy.stats.entropy(p, q): the Kullback-Leibler divergence of q from p. */
export function klDivergence(p0: readonly number[], q0: readonly number[]): number {
  const p = normalised(p0), q = normalised(q0);
  return p.reduce((sum, x, i) => sum + relEntr(x, q[i]), 0);
}

/** Evidently's PSI: sum of (p - q) ln(p / q) over the bins. */
export function populationStabilityIndex(p: readonly number[], q: readonly number[]): number {
  return p.reduce((sum, x, i) => sum + (x - q[i]) * Math.log(x / q[i]), 0);
}
