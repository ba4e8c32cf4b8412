/**
 * Human-readable rendering of a {@link QualityReport} for the pipeline CLI.
 * @module
 */
import type { QualityReport, Violation } from "../../domain/dataset_spec.ts";

const showExample = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : String(value);

/** `[rule] column: detail (e.g. ...)`; the message's own `rule: ` prefix is not repeated. */
function describe(violation: Violation): string {
  const prefix = `${violation.rule}: `;
  const detail = violation.message.startsWith(prefix)
    ? violation.message.slice(prefix.length)
    : violation.message;
  const column = violation.column === undefined ? "" : ` ${violation.column}`;
  const examples = violation.examples.length === 0 || violation.rule === "rare_class"
    ? ""
    : ` (e.g. ${violation.examples.map(showExample).join(", ")})`;
  return `[${violation.rule}]${column}: ${detail}${examples}`;
}

/**
 * One line per violation (`✗`) and warning (`!`), then the verdict:
 * `Dataset "<name>" refused: N violation(s)` or `Dataset "<name>" accepted (N rows)`.
 */
export function formatQualityReport(report: QualityReport): string {
  const lines = [
    `Quality report for dataset "${report.dataset}" (${report.rows} rows)`,
    ...report.violations.map((violation) => `✗ ${describe(violation)}`),
    ...report.warnings.map((warning) => `! ${describe(warning)}`),
    report.passed
      ? `Dataset "${report.dataset}" accepted (${report.rows} rows)`
      : `Dataset "${report.dataset}" refused: ${report.violations.length} violation(s)`,
  ];
  return lines.join("\n");
}
