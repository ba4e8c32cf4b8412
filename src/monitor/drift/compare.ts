/**
 * The drift of current data against reference statistics, column by column and for the
 * data set (drifted when the share of drifted columns reaches `drift_share`), as Evidently's
 * legacy `DataDriftPreset` decides it.
 * @module
 */
import type { Frame } from "../data/frame.ts";
import { DriftInputError } from "../drift_input_error.ts";
import { descriptorNames } from "../text/descriptors.ts";
import { type ResolvedMapping, resolveMapping } from "./column_mapping.ts";
import { type ColumnDrift, columnDrift, type SkippedColumn } from "./column_drift.ts";
import { columnType, datasetColumns, driftColumns } from "./dataset_columns.ts";
import { type DriftOptions, driftShare } from "./drift_options.ts";
import { type ReferenceStats, summariseCurrent } from "./reference_stats.ts";

/** The outcome of a comparison. */
export interface DriftResult {
  driftShare: number;
  /** Columns tested, in the report's order (a column appears once). */
  columns: ColumnDrift[];
  /** Columns counted (Evidently counts a column listed twice twice). */
  numberOfColumns: number;
  numberOfDriftedColumns: number;
  shareOfDriftedColumns: number;
  datasetDrift: boolean;
  skipped: SkippedColumn[];
}

/** The mapping the summaries were made under, text columns replaced by their descriptors. */
function effectiveMapping(stats: ReferenceStats): ResolvedMapping {
  const mapping = resolveMapping(stats.mapping);
  const text = mapping.text ?? [];
  const described = text.map((n) => descriptorNames(n, { vocabulary: stats.vocabulary }));
  const add = (list: string[] | null, extra: string[]) =>
    list === null ? null : [...list, ...extra];
  return {
    ...mapping,
    text: null,
    numerical: add(mapping.numerical, described.flatMap((d) => d.numerical)),
    categorical: add(mapping.categorical, described.flatMap((d) => d.categorical)),
  };
}

const isStats = (x: unknown): x is ReferenceStats =>
  typeof x === "object" && x !== null && "columns" in x && "mapping" in x && "names" in x;

/**
 * Compares current data (rows, a frame, or statistics from `summariseCurrent`) with
 * reference statistics. A DriftInputError for an option that cannot apply.
 */
export function compareToReference(
  reference: ReferenceStats,
  current: ReferenceStats | Frame | readonly Record<string, unknown>[],
  options: DriftOptions = {},
): DriftResult {
  const currentStats = isStats(current) ? current : summariseCurrent(current, reference);
  const columns = datasetColumns(reference.columns, reference.names, effectiveMapping(reference));
  const names = options.columns ?? driftColumns(columns);
  const results = new Map<string, ColumnDrift>();
  const skipped: SkippedColumn[] = [];
  for (const name of names) {
    const ref = reference.columns.get(name);
    if (!ref) throw new DriftInputError(`Column "${name}" is not in the reference data`);
    const cur = currentStats.columns.get(name);
    const type = cur ? columnType(name, columns, ref, cur) : "num";
    if (type === null) {
      throw new DriftInputError(`Column "${name}" is neither numerical nor categorical`);
    }
    const drift = columnDrift(name, type, ref, cur, options);
    if ("score" in drift) results.set(name, drift);
    else skipped.push(drift);
  }
  const tested = [...results.values()];
  const drifted = tested.filter((c) => c.drifted).length;
  const share = tested.length === 0 ? 0 : drifted / tested.length;
  return {
    driftShare: driftShare(options),
    columns: tested,
    numberOfColumns: names.length - skipped.length,
    numberOfDriftedColumns: drifted,
    shareOfDriftedColumns: share,
    datasetDrift: tested.length > 0 && share >= driftShare(options),
    skipped,
  };
}
