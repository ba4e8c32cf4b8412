/**
 * Tukey fences: values beyond them are reported as outliers and clipped by the trainer, with
 * the same fences stored in the preprocessing state so serving clips identically.
 * @module
 */

/** Lower and upper fence; both included in the accepted range. */
export interface Fences {
  low: number;
  high: number;
}

/** Quantile of sorted values with linear interpolation (numpy's default method). */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Fences `[Q1 - k·IQR, Q3 + k·IQR]` of the finite values (others are ignored). k = 3 flags
 * only "far out" values, so heavy-tailed money columns are not clipped too eagerly.
 * A zero IQR (a count column that is mostly 0) measures no spread, and would clip every
 * non-zero value, so the fences then fall back to the observed minimum and maximum.
 * Throws when no finite value is left.
 */
export function tukeyFences(values: readonly number[], k = 3): Fences {
  const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
  if (sorted.length === 0) {
    throw new RangeError("Cannot compute Tukey fences: no finite value");
  }
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  if (q3 === q1) return { low: sorted[0], high: sorted[sorted.length - 1] };
  const spread = k * (q3 - q1);
  return { low: q1 - spread, high: q3 + spread };
}

/** `value` clamped into the fences. */
export function clip(value: number, fences: Fences): number {
  return Math.min(Math.max(value, fences.low), fences.high);
}
