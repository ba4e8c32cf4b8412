/**
 * A table held by column with the dtypes pandas would give it (`int64`, `float64`, `bool`,
 * `object`): Evidently decides a column's type and test from its pandas dtype, so the engine
 * keeps the same four. Numeric and bool columns are Float64Arrays (NaN for a missing value,
 * bool as 0/1, which is also how Python compares True and 1); object columns hold strings,
 * booleans and null.
 * @module
 */

/** The pandas dtypes the engine distinguishes. */
export type Dtype = "int64" | "float64" | "bool" | "object";

/** A value of an object column: pandas keeps strings and Python booleans there. */
export type ObjectValue = string | boolean | null;

/** One column: numeric dtypes as numbers, `object` as values (null is pandas' NaN). */
export type Column =
  | { dtype: "int64" | "float64" | "bool"; values: Float64Array }
  | { dtype: "object"; values: ObjectValue[] };

/** Columns in file order, all of `rows` length. */
export interface Frame {
  names: string[];
  columns: Map<string, Column>;
  rows: number;
}

/** Whether `dtype` is numeric to pandas (`is_numeric_dtype`: bool counts). */
export const isNumericDtype = (dtype: Dtype) => dtype !== "object";

/** The dtype pandas gives two columns of these dtypes concatenated. */
export function concatDtype(a: Dtype, b: Dtype): Dtype {
  if (a === b) return a;
  if ((a === "int64" && b === "float64") || (a === "float64" && b === "int64")) return "float64";
  return "object";
}

/**
 * A frame from JavaScript rows (objects keyed by column), typed as pandas types a
 * DataFrame built from the same values: all integers -> int64, numbers (null among them ->
 * NaN) -> float64, all booleans -> bool, anything else -> object (numbers become strings).
 */
export function frameFromRows(rows: readonly Record<string, unknown>[]): Frame {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row)) if (!seen.has(name)) seen.add(name), names.push(name);
  }
  const columns = new Map<string, Column>();
  for (const name of names) columns.set(name, typeColumn(rows.map((row) => row[name])));
  return { names, columns, rows: rows.length };
}

const isMissing = (v: unknown) =>
  v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

function typeColumn(raw: unknown[]): Column {
  const present = raw.filter((v) => !isMissing(v));
  const hasMissing = present.length < raw.length;
  if (present.every((v) => typeof v === "number")) {
    const integral = present.every((v) => Number.isInteger(v));
    const values = Float64Array.from(raw, (v) => isMissing(v) ? NaN : (v as number));
    return { dtype: integral && !hasMissing && present.length > 0 ? "int64" : "float64", values };
  }
  if (present.every((v) => typeof v === "boolean")) {
    if (!hasMissing) return { dtype: "bool", values: Float64Array.from(raw, (v) => v ? 1 : 0) };
    return { dtype: "object", values: raw.map((v) => isMissing(v) ? null : (v as boolean)) };
  }
  return {
    dtype: "object",
    values: raw.map((v) =>
      isMissing(v) ? null : typeof v === "boolean" || typeof v === "string" ? v : String(v)
    ),
  };
}
