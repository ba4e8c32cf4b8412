/**
 * Which columns Evidently's legacy drift table tests and as what, decided from the reference
 * as `process_columns` and `recognize_column_type_` decide: numeric dtypes (not bool) are
 * numerical features, other dtypes categorical, the target and prediction columns go first and
 * are typed by the task (a numeric target with at least 5 distinct values means regression),
 * the timestamp and id are left out.
 * @module
 */
import { concatDtype, isNumericDtype } from "../data/frame.ts";
import type { ColumnSummary } from "./column_summary.ts";
import type { ColumnType } from "./column_type.ts";
import type { ResolvedMapping } from "./column_mapping.ts";
import { compareCodePoints } from "./python_values.ts";
import { rawDistinct, valueCounts } from "./value_counts.ts";

/** Evidently's `DatasetColumns` for drift. */
export interface DatasetColumns {
  target: string | null;
  prediction: string | null;
  task: string | null;
  numerical: string[];
  categorical: string[];
}

const sorted = (names: Iterable<string>) => [...names].sort(compareCodePoints);
const isNumber = (s: ColumnSummary) => s.dtype === "int64" || s.dtype === "float64";

/** `process_columns(reference, mapping)`; `names` is the reference's column order. */
export function datasetColumns(
  reference: Map<string, ColumnSummary>,
  names: readonly string[],
  mapping: ResolvedMapping,
): DatasetColumns {
  const has = (name: string | null): name is string => name !== null && reference.has(name);
  const target = has(mapping.target) ? mapping.target : null;
  let task: string | null = mapping.task;
  if (task === null && target !== null) {
    const column = reference.get(target)!;
    task = isNumericDtype(column.dtype) && rawDistinct(column) >= 5
      ? "regression"
      : "classification";
  }
  const utility = new Set<string>();
  for (const name of [mapping.datetime, mapping.id, target]) if (name !== null) utility.add(name);
  let prediction: string | null = null;
  if (typeof mapping.prediction === "string") {
    if (has(mapping.prediction)) utility.add(prediction = mapping.prediction);
  } else for (const name of mapping.prediction ?? []) utility.add(name);
  const categoricalGiven = new Set(mapping.categorical ?? []), text = new Set(mapping.text ?? []);
  const numerical = mapping.numerical === null
    ? sorted(
      names.filter((n) =>
        isNumber(reference.get(n)!) && !utility.has(n) && !categoricalGiven.has(n) && !text.has(n)
      ),
    )
    : sorted(
      new Set(mapping.numerical.filter((n) => {
        const column = reference.get(n);
        return column !== undefined && (isNumber(column) || column.nulls === column.rows);
      })),
    );
  const categorical = mapping.categorical ??
    sorted(names.filter((n) => !isNumber(reference.get(n)!) && !utility.has(n) && !text.has(n)));
  return { target, prediction, task, numerical, categorical };
}

/** The columns tested, in the drift table's order (a column listed twice counts twice). */
export function driftColumns(columns: DatasetColumns): string[] {
  return [
    ...(columns.target ? [columns.target] : []),
    ...(columns.prediction ? [columns.prediction] : []),
    ...columns.numerical,
    ...columns.categorical,
  ];
}

/** Facts of the reference and current columns together, as `pd.concat` would give them. */
function together(ref: ColumnSummary, cur: ColumnSummary) {
  const dtype = concatDtype(ref.dtype, cur.dtype);
  const keys = new Set([...valueCounts(ref, true).keys(), ...valueCounts(cur, true).keys()]);
  const ends = [ref, cur].filter((s) =>
    s.numeric && s.numeric.count + s.positiveInfinities + s.negativeInfinities > 0
  )
    .flatMap((s) => [
      s.negativeInfinities ? -Infinity : s.numeric!.count ? s.numeric!.min : Infinity,
      s.positiveInfinities ? Infinity : s.numeric!.count ? s.numeric!.max : -Infinity,
    ]);
  return { dtype, distinct: keys.size, min: Math.min(...ends), max: Math.max(...ends) };
}

/** `recognize_column_type_`: the type a drift column is tested as, or null when it is neither. */
export function columnType(
  name: string,
  columns: DatasetColumns,
  ref: ColumnSummary,
  cur: ColumnSummary,
): ColumnType | null {
  if (name === columns.target || name === columns.prediction) {
    // Only these two are typed from both data sets, so only they pay for the union.
    const both = together(ref, cur);
    const numeric = isNumericDtype(both.dtype);
    const regression = columns.task === "regression" ||
      (numeric && columns.task !== "classification" && both.distinct > 5);
    if (name === columns.target) return regression ? "num" : "cat";
    const probability = both.dtype !== "int64" && numeric && both.max <= 1 && both.min >= 0;
    return regression || probability ? "num" : "cat";
  }
  if (columns.numerical.includes(name)) return "num";
  if (columns.categorical.includes(name)) return "cat";
  return null;
}
