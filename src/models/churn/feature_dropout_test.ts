import assert from "node:assert/strict";
import { withFeatureDropout } from "./feature_dropout.ts";
import type { ChurnFeatures } from "./schema.ts";

const full: ChurnFeatures & { churned: 0 | 1 } = {
  tenure: 12,
  monthly_charges: 65.5,
  total_charges: 786,
  contract_type: "Month-to-month",
  payment_method: "Electronic check",
  complaints: 1,
  usage_minutes: 300,
  age: 43,
  income: 35_000,
  churned: 1,
};

Deno.test("feature dropout copies every row with gaps, half cut to the known payloads", () => {
  const known = [{ name: "three", fields: ["age", "income", "tenure"] }];
  const rows = Array.from({ length: 400 }, () => full);
  const copies = withFeatureDropout(rows, 7, known);
  assert.equal(copies.length, rows.length);
  assert.deepEqual(withFeatureDropout(rows, 7, known), copies, "seeded");
  assert.ok(copies.every((copy) => copy.churned === 1), "labels kept");
  const shapes = copies.map((copy) => Object.keys(copy).sort().join(","));
  const three = shapes.filter((shape) => shape === "age,churned,income,tenure").length;
  assert.ok(three > 160 && three < 240, `${three} copies cut to the known payload`);
  const gaps = copies.filter((copy) => Object.keys(copy).length < Object.keys(full).length);
  assert.ok(gaps.length > 390, "nearly every copy misses a field");
  assert.deepEqual(rows[0], full, "the rows themselves are untouched");
});
