/**
 * Summaries of consecutive blocks of rows merged into the summary of all of them, as
 * `summariseColumn` gives it on the concatenated column: the dtype pandas gives the whole
 * column (ints with a gap become float64, booleans beside anything else become object, numbers
 * in an object column become their strings), categories in order of first appearance (a
 * block's numbers turned into strings come in sorted order), numeric samples merged value by
 * value. While the merged sample has at most `maxDistinct` distinct
 * numbers the result equals the summary of the rows; above, it keeps that many groups, and
 * count, min, max and standard deviation stay exact while the distinct count becomes a lower
 * bound and the histogram is the compressed sample's (`wassersteinError` bounds the rest).
 * @module
 */
import { concatDtype, type Dtype } from "../data/frame.ts";
import { densityHistogram } from "../stats/histogram.ts";
import { meanAndStd, type WeightedSample } from "../stats/weighted_sample.ts";
import {
  type ColumnSummary,
  compress,
  type NumericFacts,
  type NumericParts,
  numericSummary,
} from "./column_summary.ts";
import type { CategoryValue } from "./python_values.ts";
import type { ReferenceStats } from "./reference_stats.ts";

/** The dtype pandas gives a column made of two blocks of these summaries' dtypes. */
function mergedDtype(a: ColumnSummary, b: ColumnSummary): Dtype {
  if (a.dtype === "object" || b.dtype === "object") return "object";
  if (a.dtype === "bool" || b.dtype === "bool") return a.dtype === b.dtype ? "bool" : "object";
  return concatDtype(a.dtype, b.dtype);
}

/** A summary's values as an object column holds them (booleans kept, numbers as strings). */
function categoriesOf(summary: ColumnSummary): [CategoryValue, number][] {
  if (summary.categories) return summary.categories;
  const { values, counts } = summary.sample!;
  const out: [CategoryValue, number][] = [];
  for (let i = 0; i < values.length; i++) {
    out.push([summary.dtype === "bool" ? values[i] === 1 : String(values[i]), counts[i]]);
  }
  if (summary.negativeInfinities) out.push(["-Infinity", summary.negativeInfinities]);
  if (summary.positiveInfinities) out.push(["Infinity", summary.positiveInfinities]);
  return out;
}

function mergeCategories(a: ColumnSummary, b: ColumnSummary): ColumnSummary {
  const counts = new Map<CategoryValue, number>(categoriesOf(a));
  for (const [value, count] of categoriesOf(b)) counts.set(value, (counts.get(value) ?? 0) + count);
  return {
    dtype: "object",
    rows: a.rows + b.rows,
    nulls: a.nulls + b.nulls,
    positiveInfinities: 0,
    negativeInfinities: 0,
    categories: [...counts],
  };
}

/** Two weighted samples as one (a value in both gets both counts). */
export function mergeSamples(a: WeightedSample, b: WeightedSample): WeightedSample {
  const values = new Float64Array(a.values.length + b.values.length);
  const counts = new Float64Array(values.length);
  let i = 0, j = 0, k = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? a.values[i] : Infinity;
    const y = j < b.values.length ? b.values[j] : Infinity;
    if (j >= b.values.length || x < y) values[k] = x, counts[k++] = a.counts[i++];
    else if (i >= a.values.length || y < x) values[k] = y, counts[k++] = b.counts[j++];
    else values[k] = x, counts[k++] = a.counts[i++] + b.counts[j++];
  }
  return { values: values.slice(0, k), counts: counts.slice(0, k), total: a.total + b.total };
}

/** Count, min, max and standard deviation of two numeric summaries together (Chan et al.). */
function pooledFacts(a: NumericFacts, b: NumericFacts, meanA: number, meanB: number) {
  if (a.count === 0) return b;
  if (b.count === 0) return a;
  const count = a.count + b.count;
  const delta = meanB - meanA;
  const squares = a.std ** 2 * a.count + b.std ** 2 * b.count +
    delta ** 2 * a.count * b.count / count;
  return {
    count,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    std: Math.sqrt(squares / count),
  };
}

function mergeNumeric(
  a: ColumnSummary,
  b: ColumnSummary,
  dtype: NumericParts["dtype"],
  maxDistinct: number,
): ColumnSummary {
  const merged = mergeSamples(a.sample!, b.sample!);
  const parts: NumericParts = {
    dtype,
    rows: a.rows + b.rows,
    nulls: a.nulls + b.nulls,
    positiveInfinities: a.positiveInfinities + b.positiveInfinities,
    negativeInfinities: a.negativeInfinities + b.negativeInfinities,
    sample: merged,
  };
  const [na, nb] = [a.numeric!, b.numeric!];
  const priorError = merged.total === 0
    ? 0
    : (na.wassersteinError * na.count + nb.wassersteinError * nb.count) / merged.total;
  if (priorError === 0) return numericSummary(parts, maxDistinct);
  // A side was compressed already: its sample no longer gives the exact facts, its summary does.
  const { sample, error } = merged.values.length > maxDistinct
    ? compress(merged, maxDistinct)
    : { sample: merged, error: 0 };
  const facts = pooledFacts(na, nb, meanAndStd(a.sample!).mean, meanAndStd(b.sample!).mean);
  return {
    ...parts,
    sample,
    numeric: {
      ...facts,
      distinct: Math.max(na.distinct, nb.distinct, merged.values.length),
      histogram: densityHistogram(sample, 10),
      wassersteinError: priorError + error,
    },
  };
}

/** One column of two consecutive blocks of rows; see the module's doc. */
export function mergeColumns(
  a: ColumnSummary,
  b: ColumnSummary,
  maxDistinct: number,
): ColumnSummary {
  const dtype = mergedDtype(a, b);
  return dtype === "object" ? mergeCategories(a, b) : mergeNumeric(a, b, dtype, maxDistinct);
}

/** A column absent from a block of `rows` rows: all missing, as pandas fills it. */
const absentColumn = (rows: number): ColumnSummary =>
  numericSummary({
    dtype: "float64",
    rows,
    nulls: rows,
    positiveInfinities: 0,
    negativeInfinities: 0,
    sample: { values: new Float64Array(0), counts: new Float64Array(0), total: 0 },
  }, Infinity);

/** Statistics of two consecutive blocks summarised under one reference; see the module's doc. */
export function mergeStats(
  a: ReferenceStats,
  b: ReferenceStats,
  maxDistinct: number,
): ReferenceStats {
  const names = [...a.names, ...b.names.filter((name) => !a.columns.has(name))];
  const columns = new Map<string, ColumnSummary>();
  for (const name of names) {
    const left = a.columns.get(name) ?? absentColumn(a.rows);
    const right = b.columns.get(name) ?? absentColumn(b.rows);
    columns.set(name, mergeColumns(left, right, maxDistinct));
  }
  return { ...a, rows: a.rows + b.rows, names, columns };
}
