/**
 * The per-column rules of the dataset quality gate (types, missing values, ranges,
 * categories, empty text). Each scans the rows once and yields at most one aggregated
 * {@link Violation} per rule and column. Id and label rules are in `quality_key_rules.ts`.
 * @module
 */
import type { ColumnSpec, Violation, ViolationRule } from "../../domain/dataset_spec.ts";

/** Rows as they come from a snapshot or a CSV/JSON reader. */
export type Rows = readonly Record<string, unknown>[];

/** Default tolerated share of missing values in a column. */
export const DEFAULT_MAX_MISSING_SHARE = 0.05;
const MAX_EXAMPLES = 3;

/** Null, undefined and "" are missing; text columns treat "" as `empty_text` instead. */
export const isMissing = (value: unknown) => value === null || value === undefined || value === "";

/** Counts offending rows and keeps the first few distinct examples. */
export class Tally {
  count = 0;
  readonly examples: unknown[] = [];
  add(example: unknown): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES && !this.examples.includes(example)) {
      this.examples.push(example);
    }
  }
  /** A violation when something was counted. */
  toViolation(rule: ViolationRule, column: string, detail: string): Violation[] {
    if (this.count === 0) return [];
    const message = `${rule}: column "${column}" ${detail}`;
    return [{ rule, column, count: this.count, examples: this.examples, message }];
  }
}

/** "7.2%", "5%", and "<0.1%" rather than a misleading "0%". */
export function percent(share: number): string {
  const rounded = Math.round(share * 1000) / 10;
  return rounded === 0 && share > 0 ? "<0.1%" : `${rounded}%`;
}

/** Row id used in examples: the id value, or the 1-based position when the id is missing. */
export function rowIdentifier(rows: Rows, idColumn: string): (index: number) => unknown {
  return (index) => {
    const id = rows[index][idColumn];
    return isMissing(id) ? `row ${index + 1}` : id;
  };
}

const expectedType: Record<ColumnSpec["kind"], string> = {
  number: "finite numbers",
  category: "strings",
  text: "strings",
  boolean: "booleans",
};

function describeRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `[${min}, ${max}]`;
  return min !== undefined ? `>= ${min}` : `<= ${max}`;
}

/**
 * Type, missing-value, range, category and empty-text rules of one present column.
 * Also returns the column's valid numbers, from which the caller derives outlier fences.
 */
export function checkColumn(
  rows: Rows,
  column: ColumnSpec,
  idOf: (index: number) => unknown,
): { violations: Violation[]; numbers: number[] } {
  const missing = new Tally();
  const wrongType = new Tally();
  const outOfRange = new Tally();
  const unknown = new Tally();
  const emptyText = new Tally();
  const numbers: number[] = [];
  const categories = column.kind === "category" ? new Set(column.categories) : undefined;

  for (let i = 0; i < rows.length; i++) {
    const value = rows[i][column.name];
    if (isMissing(value) && !(column.kind === "text" && value === "")) {
      missing.add(idOf(i));
      continue;
    }
    switch (column.kind) {
      case "number": {
        if (
          typeof value !== "number" || !Number.isFinite(value) ||
          (column.integer && !Number.isInteger(value))
        ) {
          wrongType.add(value);
          break;
        }
        numbers.push(value);
        if (
          (column.min !== undefined && value < column.min) ||
          (column.max !== undefined && value > column.max)
        ) outOfRange.add(value);
        break;
      }
      case "category":
        if (typeof value !== "string") wrongType.add(value);
        else if (!categories!.has(value)) unknown.add(value);
        break;
      case "text":
        if (typeof value !== "string") wrongType.add(value);
        else if (value.trim() === "") emptyText.add(idOf(i));
        break;
      case "boolean":
        if (typeof value !== "boolean") wrongType.add(value);
        break;
    }
  }

  const { name } = column;
  const limit = column.required ? 0 : column.maxMissingShare ?? DEFAULT_MAX_MISSING_SHARE;
  const share = missing.count / rows.length;
  const missingDetail = column.required
    ? `is required but ${missing.count} row(s) have no value`
    : `has ${percent(share)} missing values (limit ${percent(limit)})`;
  const expected = column.kind === "number" && column.integer
    ? "integers"
    : expectedType[column.kind];
  const violations = [
    ...wrongType.toViolation(
      "wrong_type",
      name,
      `has ${wrongType.count} value(s) that are not ${expected}`,
    ),
    ...(share > limit ? missing.toViolation("too_many_missing", name, missingDetail) : []),
    ...(column.kind === "number"
      ? outOfRange.toViolation(
        "out_of_range",
        name,
        `has ${outOfRange.count} value(s) outside ${describeRange(column.min, column.max)}`,
      )
      : []),
    ...(column.kind === "category"
      ? unknown.toViolation(
        "unknown_category",
        name,
        `has ${unknown.count} value(s) outside the categories ${
          column.categories.map((c) => JSON.stringify(c)).join(", ")
        }`,
      )
      : []),
    ...emptyText.toViolation(
      "empty_text",
      name,
      `has ${emptyText.count} empty or whitespace-only text(s)`,
    ),
  ];
  return { violations, numbers };
}
