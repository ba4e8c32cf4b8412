/**
 * The drift tests by Evidently's names, with their display names, the column types they
 * accept, default thresholds and which side of the threshold is drift (a p-value below it, or
 * at most it for K-S; a distance at or above it), and Evidently's default choice per column.
 * @module
 */
import { wassersteinDistance } from "../stats/distances.ts";
import { ksPValue } from "../stats/ks_two_sample.ts";
import { DriftInputError } from "../drift_input_error.ts";
import { jensenShannon, klDiv, psi } from "./binned_tests.ts";
import { chiSquarePValue, zTestPValue } from "./categorical_tests.ts";
import type { ColumnSummary } from "./column_summary.ts";
import type { ColumnType } from "./column_type.ts";
import { cleanCount, distinctTogether } from "./value_counts.ts";

/** One drift test. */
export interface StatTest {
  name: string;
  displayName: string;
  types: readonly ColumnType[];
  defaultThreshold: number;
  score(reference: ColumnSummary, current: ColumnSummary, type: ColumnType): number;
  drifted(score: number, threshold: number): boolean;
}

const pValueBelow = (score: number, threshold: number) => score < threshold;
const distanceAtLeast = (score: number, threshold: number) => score >= threshold;

const tests: StatTest[] = [
  {
    name: "ks",
    displayName: "K-S p_value",
    types: ["num"],
    defaultThreshold: 0.05,
    score: (ref, cur) => ksPValue(ref.sample!, cur.sample!),
    drifted: (score, threshold) => score <= threshold,
  },
  {
    name: "chisquare",
    displayName: "chi-square p_value",
    types: ["cat"],
    defaultThreshold: 0.05,
    score: chiSquarePValue,
    drifted: pValueBelow,
  },
  {
    name: "z",
    displayName: "Z-test p_value",
    types: ["cat"],
    defaultThreshold: 0.05,
    score: zTestPValue,
    drifted: pValueBelow,
  },
  {
    name: "wasserstein",
    displayName: "Wasserstein distance (normed)",
    types: ["num"],
    defaultThreshold: 0.1,
    // Normed by the reference's population standard deviation, at least 0.001.
    score: (ref, cur) =>
      wassersteinDistance(ref.sample!, cur.sample!) / Math.max(ref.numeric!.std, 0.001),
    drifted: distanceAtLeast,
  },
  {
    name: "jensenshannon",
    displayName: "Jensen-Shannon distance",
    types: ["cat", "num"],
    defaultThreshold: 0.1,
    score: jensenShannon,
    drifted: distanceAtLeast,
  },
  {
    name: "psi",
    displayName: "PSI",
    types: ["cat", "num"],
    defaultThreshold: 0.1,
    score: psi,
    drifted: distanceAtLeast,
  },
  {
    name: "kl_div",
    displayName: "Kullback-Leibler divergence",
    types: ["cat", "num"],
    defaultThreshold: 0.1,
    score: klDiv,
    drifted: distanceAtLeast,
  },
];

const byName = new Map(tests.map((test) => [test.name, test]));

/** The names of the supported tests. */
export const statTestNames = tests.map((test) => test.name);

/** The test named `name` for a column of `type`, or a DriftInputError saying why not. */
export function namedStatTest(name: string, type: ColumnType, column: string): StatTest {
  const test = byName.get(name);
  if (!test) {
    throw new DriftInputError(
      `Unknown drift test "${name}" for column "${column}": use one of ${statTestNames.join(", ")}`,
    );
  }
  if (!test.types.includes(type)) {
    throw new DriftInputError(
      `Drift test "${name}" does not apply to column "${column}" of type ${type} (it takes ${
        test.types.join(", ")
      })`,
    );
  }
  return test;
}

/**
 * Evidently's default test: by the reference's size (at most 1000 values or more) and the
 * distinct values of both columns together (at most 5, at most 2).
 */
export function defaultStatTest(
  ref: ColumnSummary,
  cur: ColumnSummary,
  type: ColumnType,
): StatTest {
  const values = distinctTogether(ref, cur);
  if (cleanCount(ref) <= 1000) {
    if (type === "num" && values > 5) return byName.get("ks")!;
    return byName.get(values > 2 ? "chisquare" : "z")!;
  }
  if (type === "num" && values > 5) return byName.get("wasserstein")!;
  return byName.get("jensenshannon")!;
}
