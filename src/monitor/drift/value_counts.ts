/**
 * A column summary's values counted as pandas' `value_counts` counts them, keyed as a Python
 * dict keys them (True is 1): the cleaned values the categorical tests use, the raw ones
 * (infinities included) of Evidently's category histograms, and the number of distinct values
 * of two columns together (`pd.concat([a, b]).nunique()`).
 * @module
 */
import type { ColumnSummary } from "./column_summary.ts";
import { categoryKey, type CategoryValue } from "./python_values.ts";

/** One counted value; `integral`: a number of an int64 column (printed without ".0"). */
export interface Counted {
  value: CategoryValue;
  count: number;
  integral: boolean;
}

/** Value counts keyed by `categoryKey`, in the summary's order. */
export type ValueCounts = Map<string | number, Counted>;

/** Finite, non-missing values and their counts: what the tests see after Evidently's cleaning. */
export function valueCounts(summary: ColumnSummary, withInfinities = false): ValueCounts {
  const counts: ValueCounts = new Map();
  const add = (value: CategoryValue, count: number, integral: boolean) => {
    const key = categoryKey(value);
    const seen = counts.get(key);
    if (seen) seen.count += count;
    else counts.set(key, { value, count, integral });
  };
  if (summary.categories) {
    for (const [value, count] of summary.categories) add(value, count, false);
    return counts;
  }
  const sample = summary.sample!;
  const integral = summary.dtype === "int64";
  for (let i = 0; i < sample.values.length; i++) {
    const v = sample.values[i];
    add(summary.dtype === "bool" ? v === 1 : v, sample.counts[i], integral);
  }
  if (withInfinities) {
    if (summary.negativeInfinities) add(-Infinity, summary.negativeInfinities, false);
    if (summary.positiveInfinities) add(Infinity, summary.positiveInfinities, false);
  }
  return counts;
}

/** How many finite, non-missing values the column has. */
export function cleanCount(summary: ColumnSummary): number {
  if (summary.categories) return summary.categories.reduce((n, [, c]) => n + c, 0);
  return summary.sample!.total;
}

/** How many distinct cleaned values the two columns have together. */
export function distinctTogether(a: ColumnSummary, b: ColumnSummary): number {
  // A compressed numeric summary has more distinct values than any test threshold (5, 20).
  if ((a.numeric?.wassersteinError ?? 0) > 0) return a.numeric!.distinct;
  if ((b.numeric?.wassersteinError ?? 0) > 0) return b.numeric!.distinct;
  if (a.sample && b.sample) return unionSize(a.sample.values, b.sample.values);
  const keys = new Set(valueCounts(a).keys());
  for (const key of valueCounts(b).keys()) keys.add(key);
  return keys.size;
}

/** pandas' `nunique()` of the raw column: infinities count as values, NaN does not. */
export function rawDistinct(summary: ColumnSummary): number {
  const finite = summary.numeric?.distinct ?? summary.categories!.length;
  return finite + (summary.positiveInfinities > 0 ? 1 : 0) +
    (summary.negativeInfinities > 0 ? 1 : 0);
}

/** How many distinct values two sorted arrays of distinct values hold together. */
function unionSize(a: Float64Array, b: Float64Array): number {
  let i = 0, j = 0, size = 0;
  while (i < a.length && j < b.length) {
    size++;
    if (a[i] < b[j]) i++;
    else if (b[j] < a[i]) j++;
    else i++, j++;
  }
  return size + (a.length - i) + (b.length - j);
}
