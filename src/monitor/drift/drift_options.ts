/**
 * The options of Evidently's legacy `DataDriftPreset`, by its keyword names: which columns,
 * the share of drifted columns that makes the dataset drift, and tests and thresholds for
 * all columns, per column type or per column (the most specific one wins).
 * @module
 */
import { z } from "zod";
import type { ColumnType } from "./column_type.ts";

const testName = z.string().nullable().optional();
const threshold = z.number().nullable().optional();

/** The options file's schema (validated at the CLI boundary). */
export const driftOptionsSchema = z.object({
  columns: z.array(z.string()).nullable().optional(),
  drift_share: z.number().min(0).max(1).optional(),
  stattest: testName,
  cat_stattest: testName,
  num_stattest: testName,
  text_stattest: testName,
  per_column_stattest: z.record(z.string(), z.string()).nullable().optional(),
  stattest_threshold: threshold,
  cat_stattest_threshold: threshold,
  num_stattest_threshold: threshold,
  text_stattest_threshold: threshold,
  per_column_stattest_threshold: z.record(z.string(), z.number()).nullable().optional(),
}).strict();

/** `DataDriftPreset`'s options. */
export type DriftOptions = z.infer<typeof driftOptionsSchema>;

/** The share of drifted columns at which the dataset drifts (Evidently's default 0.5). */
export const driftShare = (options: DriftOptions) => options.drift_share ?? 0.5;

/** The test asked for a column, or null for Evidently's default choice. */
export function requestedTest(
  options: DriftOptions,
  column: string,
  type: ColumnType,
): string | null {
  const byType = type === "cat" ? options.cat_stattest : options.num_stattest;
  const test = byType ?? options.stattest ?? null;
  return options.per_column_stattest?.[column] ?? test;
}

/** The threshold asked for a column, or null for the test's default. */
export function requestedThreshold(
  options: DriftOptions,
  column: string,
  type: ColumnType,
): number | null {
  const perColumn = options.per_column_stattest_threshold;
  if (perColumn && column in perColumn) return perColumn[column];
  if (type === "cat" && options.cat_stattest_threshold != null) {
    return options.cat_stattest_threshold;
  }
  if (type === "num" && options.num_stattest_threshold != null) {
    return options.num_stattest_threshold;
  }
  return options.stattest_threshold ?? null;
}
