/**
 * @module
 * The column types of Evidently's drift table: numerical and categorical columns are tested,
 * text columns are turned into descriptor columns first (text/descriptors.ts).
 */

/** Evidently's `ColumnType` values the drift table reports. */
export type ColumnType = "num" | "cat";
