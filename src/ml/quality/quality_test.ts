import assert from "node:assert/strict";
import type { DatasetSpec, QualityReport, ViolationRule } from "../../domain/dataset_spec.ts";
import { checkDataset } from "./quality.ts";
import { formatQualityReport } from "./quality_format.ts";
import { clip, tukeyFences } from "./quality_outliers.ts";

const spec: DatasetSpec = {
  name: "churn",
  idColumn: "customer_id",
  columns: [
    { name: "customer_id", kind: "text" },
    { name: "tenure", kind: "number", integer: true, min: 0, required: true },
    { name: "monthly_charges", kind: "number", min: 0, max: 1000 },
    { name: "income", kind: "number", min: 0 },
    { name: "contract_type", kind: "category", categories: ["Month-to-month", "One year"] },
    { name: "paperless", kind: "boolean" },
    { name: "note", kind: "text" },
    { name: "churned", kind: "number", integer: true, min: 0, max: 1 },
  ],
  labels: [{ column: "churned", minPerClass: 5 }],
};

/** 40 well-formed rows, 10 of them churners, no outliers. */
function cleanRows(): Record<string, unknown>[] {
  return Array.from({ length: 40 }, (_, i) => ({
    customer_id: `c${i}`,
    tenure: i % 24,
    monthly_charges: 20 + ((i * 7) % 80),
    income: 30_000 + ((i * 1013) % 20_000),
    contract_type: i % 3 === 0 ? "One year" : "Month-to-month",
    paperless: i % 2 === 0,
    note: `customer ${i}`,
    churned: i % 4 === 0 ? 1 : 0,
  }));
}

/** Rows with `change` applied to the rows at `indices`. */
function withDefect(indices: number[], change: (row: Record<string, unknown>) => void) {
  const rows = cleanRows();
  for (const i of indices) change(rows[i]);
  return rows;
}

/** The report refuses the dataset for exactly one violation of `rule` on `column`. */
function assertRefusedBy(report: QualityReport, rule: ViolationRule, column: string) {
  assert.equal(report.passed, false);
  assert.equal(report.violations.length, 1, JSON.stringify(report.violations));
  const [violation] = report.violations;
  assert.equal(violation.rule, rule);
  assert.equal(violation.column, column);
  assert.ok(violation.message.startsWith(`${rule}: `), violation.message);
  assert.ok(violation.message.includes(`column "${column}"`), violation.message);
  assert.ok(violation.examples.length <= 3);
  return violation;
}

Deno.test("a clean dataset passes, tolerating a few missing optional values", () => {
  const rows = withDefect([7], (row) => (row.income = null)); // 2.5% < 5%
  const report = checkDataset(rows, spec);
  assert.deepEqual(report.violations, []);
  assert.deepEqual(report.warnings, []);
  assert.equal(report.passed, true);
  assert.equal(report.rows, 40);
  assert.deepEqual(Object.keys(report.outliers), ["tenure", "monthly_charges", "income"]);
});

Deno.test("missing_column: a spec column absent from every row", () => {
  const rows = withDefect([...Array(40).keys()], (row) => delete row.income);
  const violation = assertRefusedBy(checkDataset(rows, spec), "missing_column", "income");
  assert.equal(violation.count, 40);
});

Deno.test("wrong_type: a string in a number column, a fraction in an integer one", () => {
  const violation = assertRefusedBy(
    checkDataset(withDefect([3], (row) => (row.tenure = "12")), spec),
    "wrong_type",
    "tenure",
  );
  assert.deepEqual(violation.examples, ["12"]);
  const fraction = checkDataset(withDefect([4, 5], (row) => (row.tenure = 3.5)), spec);
  assert.equal(assertRefusedBy(fraction, "wrong_type", "tenure").count, 2);
  assert.match(fraction.violations[0].message, /not integers/);
  assertRefusedBy(
    checkDataset(withDefect([0], (row) => (row.paperless = "yes")), spec),
    "wrong_type",
    "paperless",
  );
  assertRefusedBy(
    checkDataset(withDefect([0], (row) => (row.income = NaN)), spec),
    "wrong_type",
    "income",
  );
});

Deno.test("too_many_missing: above the share limit, or any gap in a required column", () => {
  const rows = withDefect(
    [1, 2, 3],
    (row) => (row.income = [null, undefined, ""][row.tenure as number - 1]),
  );
  const violation = assertRefusedBy(checkDataset(rows, spec), "too_many_missing", "income");
  assert.equal(
    violation.message,
    'too_many_missing: column "income" has 7.5% missing values (limit 5%)',
  );
  assert.deepEqual(violation.examples, ["c1", "c2", "c3"]);
  const required = checkDataset(withDefect([9], (row) => (row.tenure = null)), spec);
  assert.match(assertRefusedBy(required, "too_many_missing", "tenure").message, /required/);
});

Deno.test("out_of_range: a negative charge", () => {
  const rows = withDefect([5], (row) => (row.monthly_charges = -5));
  const violation = assertRefusedBy(checkDataset(rows, spec), "out_of_range", "monthly_charges");
  assert.deepEqual(violation.examples, [-5]);
  assert.match(violation.message, /outside \[0, 1000\]/);
});

Deno.test("unknown_category: a value outside the list", () => {
  const rows = withDefect([2, 6], (row) => (row.contract_type = "Three year"));
  const violation = assertRefusedBy(checkDataset(rows, spec), "unknown_category", "contract_type");
  assert.deepEqual([violation.count, violation.examples], [2, ["Three year"]]);
});

Deno.test("duplicate_id: an id used twice", () => {
  const rows = withDefect([5], (row) => (row.customer_id = "c1"));
  const violation = assertRefusedBy(checkDataset(rows, spec), "duplicate_id", "customer_id");
  assert.deepEqual(violation.examples, ["c1"]);
});

Deno.test("empty_text: empty or whitespace-only text", () => {
  const rows = withDefect([4, 8], (row) => (row.note = row.tenure === 4 ? "  \n" : ""));
  const violation = assertRefusedBy(checkDataset(rows, spec), "empty_text", "note");
  assert.deepEqual(violation.examples, ["c4", "c8"]);
});

Deno.test("rare_class: a label class below its minimum, named in the message", () => {
  const rows = withDefect([0, 4, 8, 12, 16, 20, 24], (row) => (row.churned = 0));
  const violation = assertRefusedBy(checkDataset(rows, spec), "rare_class", "churned");
  assert.equal(
    violation.message,
    'rare_class: column "churned" has class 1 with 3 row(s) (minimum 5)',
  );
  // A category label counts its classes from the spec, so a class with no row is rare too.
  const tickets: DatasetSpec = {
    name: "tickets",
    idColumn: "id",
    columns: [{ name: "topic", kind: "category", categories: ["email", "network"] }],
    labels: [{ column: "topic", minPerClass: 1 }],
  };
  const report = checkDataset([{ id: 1, topic: "email" }, { id: 2, topic: "email" }], tickets);
  assert.match(
    assertRefusedBy(report, "rare_class", "topic").message,
    /class "network" with 0 row/,
  );
});

Deno.test("empty_dataset: zero rows", () => {
  const report = checkDataset([], spec);
  assert.equal(report.passed, false);
  assert.deepEqual(report.violations.map((v) => v.rule), ["empty_dataset"]);
  assert.match(report.violations[0].message, /empty_dataset: dataset "churn" has no rows/);
});

Deno.test("an id column without its own spec must still be present and never missing", () => {
  const idSpec: DatasetSpec = { name: "t", idColumn: "id", columns: [], labels: [] };
  assertRefusedBy(checkDataset([{ x: 1 }], idSpec), "missing_column", "id");
  const report = checkDataset([{ id: 1 }, { id: null }], idSpec);
  assert.deepEqual(assertRefusedBy(report, "too_many_missing", "id").examples, ["row 2"]);
});

Deno.test("outliers are reported with their fences, not refused", () => {
  const rows = withDefect([3], (row) => (row.income = 10_000_000));
  const report = checkDataset(rows, spec);
  assert.equal(report.passed, true);
  const incomes = rows.map((row) => row.income as number);
  assert.deepEqual(report.outliers.income, { ...tukeyFences(incomes), count: 1 });
  assert.equal(report.warnings.length, 1);
  assert.equal(report.warnings[0].rule, "outliers");
  assert.deepEqual(report.warnings[0].examples, [10_000_000]);
  assert.match(report.warnings[0].message, /^outliers: column "income" has 1 value\(s\)/);
  assert.equal(clip(10_000_000, report.outliers.income), report.outliers.income.high);
});

Deno.test("tukeyFences matches numpy percentiles; clip clamps", () => {
  // Q1/Q3 from numpy.percentile (linear interpolation).
  assert.deepEqual(tukeyFences([1, 2, 3, 4, 100]), { low: -4, high: 10 });
  assert.deepEqual(tukeyFences([100, 4, 3, 2, 1], 1.5), { low: -1, high: 7 });
  assert.deepEqual(tukeyFences([10, 12, 15, 20, 21, 22, 30, 1000]), { low: -15, high: 53.25 });
  // A zero IQR falls back to the observed range instead of clipping every non-zero count.
  assert.deepEqual(tukeyFences([0, 0, 0, 0, 0, 0, 0, 0, 2, 5, NaN]), { low: 0, high: 5 });
  assert.throws(() => tukeyFences([NaN]), /no finite value/);
  assert.equal(clip(-9, { low: -4, high: 10 }), -4);
  assert.equal(clip(3, { low: -4, high: 10 }), 3);
});

Deno.test("formatQualityReport lists violations, warnings and the verdict", () => {
  const rows = withDefect([1, 2, 3], (row) => (row.income = null));
  rows[5].monthly_charges = 50_000;
  rows[6].customer_id = "c1";
  assert.equal(
    formatQualityReport(checkDataset(rows, spec)),
    [
      'Quality report for dataset "churn" (40 rows)',
      '✗ [out_of_range] monthly_charges: column "monthly_charges" has 1 value(s) outside [0, 1000] (e.g. 50000)',
      '✗ [too_many_missing] income: column "income" has 7.5% missing values (limit 5%) (e.g. "c1", "c2", "c3")',
      '✗ [duplicate_id] customer_id: column "customer_id" has 1 row(s) repeating an earlier id (e.g. "c1")',
      '! [outliers] monthly_charges: column "monthly_charges" has 1 value(s) outside the Tukey fences [-84.25, 199.25] (k = 3); clip before training (e.g. 50000)',
      'Dataset "churn" refused: 3 violation(s)',
    ].join("\n"),
  );
  const accepted = formatQualityReport(checkDataset(cleanRows(), spec)).split("\n");
  assert.equal(accepted.at(-1), 'Dataset "churn" accepted (40 rows)');
});
