/**
 * The dataset quality gate run before training: a declarative {@link DatasetSpec} is checked
 * against the rows and any violation refuses the dataset with a report naming the rule, the
 * column and examples. Outliers do not refuse; their fences tell the trainer where to clip.
 * @module
 */
import { checkColumn, rowIdentifier, type Rows } from "./quality_rules.ts";
import { checkIds, checkLabel } from "./quality_key_rules.ts";
import { tukeyFences } from "./quality_outliers.ts";
import type { DatasetSpec, QualityReport, Violation } from "../../domain/dataset_spec.ts";

/** Default Tukey k. */
export const DEFAULT_OUTLIER_FENCE = 3;

const round = (value: number) => Number(value.toPrecision(6));

/**
 * Checks `rows` against `spec`. Every spec column, the id column and each label column must be
 * present (in at least one row); the id column is always required and unique. Outlier fences
 * are computed for numeric feature columns (not the id or label columns).
 */
export function checkDataset(rows: Rows, spec: DatasetSpec): QualityReport {
  const report = (violations: Violation[], warnings: Violation[] = [], outliers = {}) => ({
    dataset: spec.name,
    rows: rows.length,
    passed: violations.length === 0,
    violations,
    warnings,
    outliers,
  });
  if (rows.length === 0) {
    return report([{
      rule: "empty_dataset",
      count: 0,
      examples: [],
      message: `empty_dataset: dataset "${spec.name}" has no rows`,
    }]);
  }

  const violations: Violation[] = [];
  const warnings: Violation[] = [];
  const outliers: QualityReport["outliers"] = {};
  const absent = new Set<string>();
  const isPresent = (name: string) => {
    if (rows.some((row) => Object.hasOwn(row, name))) return true;
    if (!absent.has(name)) {
      absent.add(name);
      violations.push({
        rule: "missing_column",
        column: name,
        count: rows.length,
        examples: [],
        message: `missing_column: column "${name}" is not present in any row`,
      });
    }
    return false;
  };
  const idOf = rowIdentifier(rows, spec.idColumn);
  const labelColumns = new Set(spec.labels.map((label) => label.column));
  const k = spec.outlierFence ?? DEFAULT_OUTLIER_FENCE;

  for (const column of spec.columns) {
    if (!isPresent(column.name)) continue;
    const isId = column.name === spec.idColumn;
    const checked = checkColumn(rows, isId ? { ...column, required: true } : column, idOf);
    violations.push(...checked.violations);
    if (isId || labelColumns.has(column.name) || checked.numbers.length === 0) continue;
    const fences = tukeyFences(checked.numbers, k);
    const outside = checked.numbers.filter((value) => value < fences.low || value > fences.high);
    outliers[column.name] = { ...fences, count: outside.length };
    if (outside.length === 0) continue;
    warnings.push({
      rule: "outliers",
      column: column.name,
      count: outside.length,
      examples: [...new Set(outside)].slice(0, 3),
      message: `outliers: column "${column.name}" has ${outside.length} value(s) outside the ` +
        `Tukey fences [${round(fences.low)}, ${
          round(fences.high)
        }] (k = ${k}); clip before training`,
    });
  }

  const idSpecified = spec.columns.some((column) => column.name === spec.idColumn);
  if (isPresent(spec.idColumn)) violations.push(...checkIds(rows, spec.idColumn, !idSpecified));
  for (const label of spec.labels) {
    if (!isPresent(label.column)) continue;
    const column = spec.columns.find((candidate) => candidate.name === label.column);
    violations.push(...checkLabel(rows, label, column));
  }
  return report(violations, warnings, outliers);
}
