/**
 * Types of the declarative dataset quality gate (see `quality.ts`).
 * @module
 */

/** Fields every column kind shares. */
interface BaseColumnSpec {
  name: string;
  /** A required column tolerates no missing value at all. */
  required?: boolean;
  /** Largest tolerated share of missing values (null, undefined or ""); default 0.05. */
  maxMissingShare?: number;
}

/** What one column must hold. */
export type ColumnSpec =
  | BaseColumnSpec & {
    kind: "number";
    integer?: boolean;
    min?: number;
    max?: number;
  }
  | BaseColumnSpec & { kind: "category"; categories: readonly string[] }
  /** In a text column "" and whitespace-only strings are `empty_text`, not missing values. */
  | BaseColumnSpec & { kind: "text" }
  | BaseColumnSpec & { kind: "boolean" };

/** The contract a training set must meet. */
export interface DatasetSpec {
  name: string;
  /** Must be present, never missing and unique. */
  idColumn: string;
  columns: ColumnSpec[];
  /**
   * Label columns and the fewest rows each class needs. Classes are the spec's categories
   * for a category column (so a class with no row at all is rare), else the observed values.
   */
  labels: { column: string; minPerClass: number }[];
  /** Tukey k for outlier fences; default 3 ("far out"). */
  outlierFence?: number;
}

/** A rule that refuses a dataset. */
export type ViolationRule =
  | "missing_column"
  | "wrong_type"
  | "too_many_missing"
  | "out_of_range"
  | "unknown_category"
  | "duplicate_id"
  | "empty_text"
  | "rare_class"
  | "empty_dataset";

/** Every rule, including the warning-only `outliers`. */
export type QualityRule = ViolationRule | "outliers";

/** One defect found by the checker, aggregated over the rows of a column. */
export interface Violation {
  rule: QualityRule;
  column?: string;
  /** Offending rows (for `rare_class`: the rows of that class; `duplicate_id`: repeated rows). */
  count: number;
  /**
   * At most 3 examples: offending values for wrong_type, out_of_range, unknown_category and
   * outliers; row ids for too_many_missing and empty_text; the repeated ids for
   * duplicate_id; the class for rare_class.
   */
  examples: unknown[];
  /** Names the rule and the column, e.g. `out_of_range: column "tenure" has ...`. */
  message: string;
}

/** Tukey fences of a numeric column and how many values fall outside them. */
export interface OutlierSummary {
  low: number;
  high: number;
  count: number;
}

/** The checker's verdict; `passed` is true exactly when `violations` is empty. */
export interface QualityReport {
  dataset: string;
  rows: number;
  passed: boolean;
  violations: Violation[];
  /** Not blocking: outliers the trainer should clip. */
  warnings: Violation[];
  /** Fences of every numeric column with at least one valid value; clip training data to them. */
  outliers: Record<string, OutlierSummary>;
}
