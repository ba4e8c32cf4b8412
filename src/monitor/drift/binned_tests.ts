/**
 * Evidently's binned drift scores (Jensen-Shannon distance, PSI, Kullback-Leibler divergence)
 * and the shares they compare (`get_binned_data`): a numeric column with more than 20 distinct
 * reference values is cut into Sturges bins over both samples; any other column is compared
 * value by value. PSI and KL replace empty bins by a small share first, as Evidently does.
 * @module
 */
import { countsForEdges, sturgesEdges } from "../stats/histogram.ts";
import {
  jensenShannonDistance,
  klDivergence,
  populationStabilityIndex,
} from "../stats/distances.ts";
import type { ColumnSummary } from "./column_summary.ts";
import type { ColumnType } from "./column_type.ts";
import { cleanCount, valueCounts } from "./value_counts.ts";

/** The reference's and the current column's shares per bin or value. */
export function binnedShares(
  reference: ColumnSummary,
  current: ColumnSummary,
  type: ColumnType,
  fillZeroes: boolean,
): [number[], number[]] {
  let shares: [number[], number[]];
  if (type === "num" && reference.sample && current.sample && reference.numeric!.distinct > 20) {
    const integral = reference.dtype === "int64" && current.dtype === "int64";
    const edges = sturgesEdges(reference.sample, current.sample, integral);
    shares = [reference.sample, current.sample].map((sample) =>
      countsForEdges(sample, edges).map((c) => c / sample.total)
    ) as [number[], number[]];
  } else {
    const ref = valueCounts(reference), cur = valueCounts(current);
    const keys = [...new Set([...ref.keys(), ...cur.keys()])];
    const n1 = cleanCount(reference), n2 = cleanCount(current);
    shares = [
      keys.map((k) => (ref.get(k)?.count ?? 0) / n1),
      keys.map((k) => (cur.get(k)?.count ?? 0) / n2),
    ];
  }
  return fillZeroes ? [fillZero(shares[0]), fillZero(shares[1])] : shares;
}

/** An empty bin gets the smallest share / 10^6 (or 0.0001 when that share is larger). */
function fillZero(shares: number[]): number[] {
  const smallest = Math.min(...shares.filter((s) => s !== 0));
  const fill = smallest <= 0.0001 ? smallest / 10 ** 6 : 0.0001;
  return shares.map((s) => s === 0 ? fill : s);
}

/** The Jensen-Shannon distance of the two columns' shares. */
export function jensenShannon(ref: ColumnSummary, cur: ColumnSummary, type: ColumnType): number {
  const [p, q] = binnedShares(ref, cur, type, false);
  return jensenShannonDistance(p, q);
}

/** The population stability index of the two columns' shares. */
export function psi(ref: ColumnSummary, cur: ColumnSummary, type: ColumnType): number {
  const [p, q] = binnedShares(ref, cur, type, true);
  return populationStabilityIndex(p, q);
}

/** The Kullback-Leibler divergence of the current shares from the reference's. */
export function klDiv(ref: ColumnSummary, cur: ColumnSummary, type: ColumnType): number {
  const [p, q] = binnedShares(ref, cur, type, true);
  return klDivergence(p, q);
}
