/**
 * Dataset-level rules of the quality gate: unique, present ids and enough rows per label class.
 * @module
 */
import { isMissing, type Rows, Tally } from "./quality_rules.ts";
import type { ColumnSpec, DatasetSpec, Violation } from "../../domain/dataset_spec.ts";

/** Duplicate ids, and missing ids when the id column has no column spec of its own. */
export function checkIds(rows: Rows, idColumn: string, checkMissing: boolean): Violation[] {
  const missing = new Tally();
  const duplicates = new Tally();
  const seen = new Set<unknown>();
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i][idColumn];
    if (isMissing(id)) missing.add(`row ${i + 1}`);
    else if (seen.has(id)) duplicates.add(id);
    else seen.add(id);
  }
  return [
    ...(checkMissing
      ? missing.toViolation(
        "too_many_missing",
        idColumn,
        `is the id but ${missing.count} row(s) have no id`,
      )
      : []),
    ...duplicates.toViolation(
      "duplicate_id",
      idColumn,
      `has ${duplicates.count} row(s) repeating an earlier id`,
    ),
  ];
}

/** One `rare_class` violation per class of a label column with fewer than `minPerClass` rows. */
export function checkLabel(
  rows: Rows,
  label: DatasetSpec["labels"][number],
  column: ColumnSpec | undefined,
): Violation[] {
  const counts = new Map<unknown, number>();
  if (column?.kind === "category") {
    for (const category of column.categories) counts.set(category, 0);
  }
  for (const row of rows) {
    const value = row[label.column];
    if (isMissing(value)) continue;
    // Unknown categories are reported by their own rule; do not invent classes for them.
    if (column?.kind === "category" && !counts.has(value)) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count < label.minPerClass)
    .map(([value, count]) => ({
      rule: "rare_class" as const,
      column: label.column,
      count,
      examples: [value],
      message: `rare_class: column "${label.column}" has class ${
        JSON.stringify(value)
      } with ${count} row(s) (minimum ${label.minPerClass})`,
    }));
}
