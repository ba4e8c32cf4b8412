/**
 * The small distributions Evidently's legacy drift table carries per column: a numerical
 * column's 10-bin density histogram of each side (`np.histogram(..., bins=10, density=True)`,
 * edges as `x`), a categorical column's counts per value on both sides (values absent from one
 * side count 0), ordered by Python's `str()` of the value.
 * @module
 */
import type { ColumnDrift } from "../drift/column_drift.ts";
import type { ColumnSummary } from "../drift/column_summary.ts";
import { type CategoryValue, compareCodePoints, pythonStr } from "../drift/python_values.ts";
import { type Counted, valueCounts } from "../drift/value_counts.ts";

/** One side's distribution as Evidently's `DistributionIncluded`. */
export interface SmallDistribution {
  x: (number | CategoryValue)[];
  y: number[];
}

function numerical(summary: ColumnSummary): SmallDistribution {
  const [density, edges] = summary.numeric!.histogram;
  return { x: edges, y: density };
}

/** Both sides' distributions of a tested column: `[reference, current]`. */
export function smallDistributions(drift: ColumnDrift): [SmallDistribution, SmallDistribution] {
  if (drift.type === "num") return [numerical(drift.reference), numerical(drift.current)];
  const sides = [valueCounts(drift.reference, true), valueCounts(drift.current, true)];
  const keys = new Map<string | number, Counted>();
  for (const side of sides) {
    for (const [key, counted] of side) if (!keys.has(key)) keys.set(key, counted);
  }
  const order = [...keys].map(([key, c]) => ({
    key,
    value: c.value,
    text: pythonStr(c.value, c.integral),
  }))
    .sort((a, b) => compareCodePoints(a.text, b.text));
  const side = (counts: Map<string | number, Counted>): SmallDistribution => ({
    x: order.map((k) => k.value),
    y: order.map((k) => counts.get(k.key)?.count ?? 0),
  });
  return [side(sides[0]), side(sides[1])];
}
