/**
 * What the drift tests need of one column, without its rows: the dtype, how many values are
 * missing or infinite, and the values with their counts (a numeric column's sorted distinct
 * values, an object column's categories). Up to `maxDistinct` distinct numbers the summary
 * is exact; above, the numbers are merged into `maxDistinct` equal-count groups at their means
 * and the summary records how far that moves the sample (its Wasserstein distance from the
 * full one), while count, distinct count, moments and the 10-bin histogram stay exact.
 * @module
 */
import type { Column, Dtype } from "../data/frame.ts";
import { densityHistogram } from "../stats/histogram.ts";
import { meanAndStd, type WeightedSample, weightedSample } from "../stats/weighted_sample.ts";
import type { CategoryValue } from "./python_values.ts";

/** Default cap on the distinct numbers a summary keeps exactly. */
export const defaultMaxDistinct = 100_000;

/** Exact facts of a numeric column's finite values. */
export interface NumericFacts {
  count: number;
  distinct: number;
  min: number;
  max: number;
  std: number;
  /** np.histogram(values, bins=10, density=True): [density, edges]. */
  histogram: [number[], number[]];
  /** 0 when `sample` is exact; else the Wasserstein distance it was moved by. */
  wassersteinError: number;
}

/** One column summarised. */
export interface ColumnSummary {
  dtype: Dtype;
  rows: number;
  nulls: number;
  positiveInfinities: number;
  negativeInfinities: number;
  /** Numeric dtypes: the finite values (exact unless `numeric.wassersteinError` > 0). */
  sample?: WeightedSample;
  numeric?: NumericFacts;
  /** Object dtype: each value present and its count, in order of first appearance. */
  categories?: [CategoryValue, number][];
}

/** Groups a sample into `groups` runs of about equal count, each at its weighted mean. */
export function compress(
  sample: WeightedSample,
  groups: number,
): { sample: WeightedSample; error: number } {
  const values = new Float64Array(groups), counts = new Float64Array(groups);
  const perGroup = sample.total / groups;
  let g = 0, sum = 0, count = 0, start = 0, error = 0, cumulative = 0;
  const close = (end: number) => {
    const mean = sum / count;
    for (let i = start; i < end; i++) error += sample.counts[i] * Math.abs(sample.values[i] - mean);
    values[g] = mean;
    counts[g++] = count;
    sum = count = 0;
    start = end;
  };
  for (let i = 0; i < sample.values.length; i++) {
    sum += sample.values[i] * sample.counts[i];
    count += sample.counts[i];
    cumulative += sample.counts[i];
    if (g < groups - 1 && cumulative >= perGroup * (g + 1)) close(i + 1);
  }
  if (count > 0) close(sample.values.length);
  return {
    sample: { values: values.slice(0, g), counts: counts.slice(0, g), total: sample.total },
    error: error / sample.total,
  };
}

/** A numeric column's counts and finite values, before its facts are derived. */
export interface NumericParts {
  dtype: "int64" | "float64" | "bool";
  rows: number;
  nulls: number;
  positiveInfinities: number;
  negativeInfinities: number;
  sample: WeightedSample;
}

/** The summary of numeric parts whose sample is exact, compressed above `maxDistinct`. */
export function numericSummary(parts: NumericParts, maxDistinct: number): ColumnSummary {
  const { sample } = parts;
  const numeric: NumericFacts = {
    count: sample.total,
    distinct: sample.values.length,
    min: sample.values[0] ?? NaN,
    max: sample.values[sample.values.length - 1] ?? NaN,
    std: meanAndStd(sample).std,
    histogram: densityHistogram(sample, 10),
    wassersteinError: 0,
  };
  if (sample.values.length <= maxDistinct) return { ...parts, numeric };
  const compressed = compress(sample, maxDistinct);
  return {
    ...parts,
    sample: compressed.sample,
    numeric: { ...numeric, wassersteinError: compressed.error },
  };
}

/** Summarises one column; `maxDistinct` caps the distinct numbers kept exactly. */
export function summariseColumn(column: Column, maxDistinct = defaultMaxDistinct): ColumnSummary {
  const rows = column.values.length;
  if (column.dtype === "object") {
    const counts = new Map<string | boolean, number>();
    let nulls = 0;
    for (const value of column.values) {
      if (value === null) nulls++;
      else counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const categories = [...counts] as [CategoryValue, number][];
    return {
      dtype: "object",
      rows,
      nulls,
      positiveInfinities: 0,
      negativeInfinities: 0,
      categories,
    };
  }
  let nulls = 0, positiveInfinities = 0, negativeInfinities = 0, finite = 0;
  const values = new Float64Array(rows);
  for (const v of column.values) {
    if (Number.isNaN(v)) nulls++;
    else if (v === Infinity) positiveInfinities++;
    else if (v === -Infinity) negativeInfinities++;
    else values[finite++] = v;
  }
  const sample = weightedSample(values.subarray(0, finite));
  return numericSummary(
    { dtype: column.dtype, rows, nulls, positiveInfinities, negativeInfinities, sample },
    maxDistinct,
  );
}
