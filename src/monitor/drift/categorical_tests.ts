/**
 * Evidently's categorical drift tests on two columns' value counts: Pearson's chi-square of
 * the current counts against the reference's scaled to the current size (a value the
 * reference lacks makes the statistic infinite and the p-value 0), and the Z-test for two
 * proportions (the smallest value against the rest).
 * @module
 */
import { chi2Sf } from "../stats/gamma.ts";
import { ndtr } from "../stats/normal.ts";
import type { ColumnSummary } from "./column_summary.ts";
import { comparePython } from "./python_values.ts";
import { cleanCount, valueCounts } from "./value_counts.ts";

/** scipy.stats.chisquare(f_obs=current, f_exp=reference * n_current / n_reference) p-value. */
export function chiSquarePValue(reference: ColumnSummary, current: ColumnSummary): number {
  const ref = valueCounts(reference), cur = valueCounts(current);
  const keys = new Set([...ref.keys(), ...cur.keys()]);
  const scale = cleanCount(current) / cleanCount(reference);
  let statistic = 0;
  for (const key of keys) {
    const expected = (ref.get(key)?.count ?? 0) * scale;
    const observed = cur.get(key)?.count ?? 0;
    statistic += (observed - expected) ** 2 / expected;
  }
  return chi2Sf(keys.size - 1, statistic);
}

/** Evidently's two-proportion Z-test p-value: 2 * (1 - Phi(|z|)). */
export function zTestPValue(reference: ColumnSummary, current: ColumnSummary): number {
  const ref = valueCounts(reference), cur = valueCounts(current);
  if (ref.size === 1 && cur.size === 1 && [...ref.keys()][0] === [...cur.keys()][0]) return 1;
  const values = [...ref.values(), ...cur.values()].map((c) => c.value);
  // Python's sorted(): the first key in Python's order is the "0" of the proportions.
  const first = values.reduce((min, v) => comparePython(v, min) < 0 ? v : min);
  const n1 = cleanCount(reference), n2 = cleanCount(current);
  const others = (counts: typeof ref) => {
    let n = 0;
    for (const c of counts.values()) if (comparePython(c.value, first) !== 0) n += c.count;
    return n;
  };
  const p1 = others(ref) / n1, p2 = others(cur) / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return 2 * (1 - ndtr(Math.abs(z)));
}
