/**
 * One column's drift, as Evidently's `get_one_column_drift` computes it: the test asked for
 * (or the default one), its threshold, the score on the values left once missing and infinite
 * ones are dropped, and whether that is drift. Where Evidently would stop the whole report
 * (an empty column, a column missing from the current data, text in a numerical column,
 * values Python cannot order), the column is skipped with the reason instead.
 * @module
 */
import { isNumericDtype } from "../data/frame.ts";
import type { ColumnSummary } from "./column_summary.ts";
import type { ColumnType } from "./column_type.ts";
import { type DriftOptions, requestedTest, requestedThreshold } from "./drift_options.ts";
import { defaultStatTest, namedStatTest, type StatTest } from "./stattests.ts";
import { cleanCount } from "./value_counts.ts";

/** A tested column. */
export interface ColumnDrift {
  column: string;
  type: ColumnType;
  test: Pick<StatTest, "name" | "displayName">;
  threshold: number;
  score: number;
  drifted: boolean;
  reference: ColumnSummary;
  current: ColumnSummary;
}

/** A column left out of the report, and why. */
export interface SkippedColumn {
  column: string;
  reason: string;
}

/** Tests `column` of `type`; a DriftInputError for an unusable test option. */
export function columnDrift(
  column: string,
  type: ColumnType,
  reference: ColumnSummary,
  current: ColumnSummary | undefined,
  options: DriftOptions,
): ColumnDrift | SkippedColumn {
  const skip = (reason: string) => ({ column, reason });
  if (!current) return skip("the current data has no such column");
  if (cleanCount(reference) === 0) return skip("it is empty in the reference (no finite value)");
  if (cleanCount(current) === 0) return skip("it is empty in the current data (no finite value)");
  if (type === "num" && !isNumericDtype(current.dtype)) {
    return skip("it is numerical in the reference but holds text in the current data");
  }
  const requested = requestedTest(options, column, type);
  const test = requested === null
    ? defaultStatTest(reference, current, type)
    : namedStatTest(requested, type, column);
  const threshold = requestedThreshold(options, column, type) ?? test.defaultThreshold;
  let score: number;
  try {
    score = test.score(reference, current, type);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return skip(`its values mix text and numbers, which ${test.displayName} cannot order`);
  }
  return {
    column,
    type,
    test: { name: test.name, displayName: test.displayName },
    threshold,
    score,
    drifted: test.drifted(score, threshold),
    reference,
    current,
  };
}
