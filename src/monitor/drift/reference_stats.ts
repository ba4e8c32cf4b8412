/**
 * Reference statistics: a data set summarised once, column by column (`ColumnSummary`), with
 * the column mapping and text descriptor settings it was summarised under. A model version
 * can keep its training set's statistics, and monitoring compares production data with them
 * without the training rows. Current data is summarised the same way before the comparison.
 * @module
 */
import { type Frame, frameFromRows } from "../data/frame.ts";
import { DriftInputError } from "../drift_input_error.ts";
import { describeText, type TextDescriptorOptions } from "../text/descriptors.ts";
import { type ColumnMapping, namedColumns } from "./column_mapping.ts";
import { type ColumnSummary, defaultMaxDistinct, summariseColumn } from "./column_summary.ts";

/** A summarised data set. */
export interface ReferenceStats {
  rows: number;
  /** Column names in the data's order (text columns replaced by their descriptors). */
  names: string[];
  columns: Map<string, ColumnSummary>;
  /** The column mapping as given (Evidently's defaults apply where it is silent). */
  mapping: ColumnMapping;
  /** The vocabulary of the text descriptors, when text columns have one. */
  vocabulary?: string[];
}

/** How a data set is summarised. */
export interface SummaryOptions extends TextDescriptorOptions {
  /** Distinct numbers per column kept exactly (default 100,000). */
  maxDistinct?: number;
}

const asFrame = (rows: Frame | readonly Record<string, unknown>[]) =>
  Array.isArray(rows) ? frameFromRows(rows) : rows as Frame;

/** Fails when the mapping names a column `frame` lacks. */
function checkMapping(frame: Frame, mapping: ColumnMapping, label: string): void {
  for (const [field, name] of namedColumns(mapping)) {
    if (!frame.columns.has(name)) {
      throw new DriftInputError(
        `The column mapping's ${field} names column "${name}", which the ${label} data lacks`,
      );
    }
  }
}

function summarise(frame: Frame, mapping: ColumnMapping, options: SummaryOptions): ReferenceStats {
  const described = describeText(frame, mapping.text_features ?? [], options);
  const maxDistinct = options.maxDistinct ?? defaultMaxDistinct;
  const columns = new Map<string, ColumnSummary>();
  for (const name of described.names) {
    columns.set(name, summariseColumn(described.columns.get(name)!, maxDistinct));
  }
  return {
    rows: frame.rows,
    names: described.names,
    columns,
    mapping,
    ...(options.vocabulary ? { vocabulary: [...options.vocabulary] } : {}),
  };
}

/**
 * Summarises reference rows (a frame from `readTable`, or plain objects keyed by column)
 * under `mapping`. Fails with a DriftInputError when the mapping names a missing column.
 */
export function summariseReference(
  rows: Frame | readonly Record<string, unknown>[],
  mapping: ColumnMapping = {},
  options: SummaryOptions = {},
): ReferenceStats {
  const frame = asFrame(rows);
  checkMapping(frame, mapping, "reference");
  return summarise(frame, mapping, options);
}

/** Summarises current rows as `reference` was summarised (same mapping and descriptors). */
export function summariseCurrent(
  rows: Frame | readonly Record<string, unknown>[],
  reference: ReferenceStats,
  maxDistinct = defaultMaxDistinct,
): ReferenceStats {
  const frame = asFrame(rows);
  // Text columns the current data lacks are left to the comparison, which skips them.
  const text = (reference.mapping.text_features ?? []).filter((n) => frame.columns.has(n));
  return summarise(frame, { ...reference.mapping, text_features: text }, {
    maxDistinct,
    vocabulary: reference.vocabulary,
  });
}
