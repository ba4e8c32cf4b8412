import assert from "node:assert/strict";
import {
  ChurnPreprocessingSchema,
  churnVector,
  churnVectorWidth,
  fitChurnPreprocessing,
  missingFeatures,
} from "./preprocessing.ts";
import type { ChurnInput } from "./schema.ts";

const customer = (tenure: number, income?: number): ChurnInput => ({
  tenure,
  monthly_charges: 50,
  total_charges: tenure * 50,
  contract_type: "One year",
  payment_method: "Credit card",
  ...(income === undefined ? {} : { income }),
});

Deno.test("numbers are standardised with training statistics and categories one-hot", () => {
  const inputs = [10, 20, 30, 40].map((t) => customer(t, 1000 * t));
  const preprocessing = fitChurnPreprocessing(inputs);
  const vector = churnVector(preprocessing, customer(25, 25_000));
  assert.equal(vector.length, churnVectorWidth(preprocessing));
  assert.equal(vector[0], 0); // tenure 25 is the training mean
  assert.deepEqual(vector.slice(-7), [0, 1, 0, 0, 0, 0, 1]);
});

Deno.test("a missing value takes the training median; an outlier is clipped to the fences", () => {
  const inputs = Array.from({ length: 40 }, (_, i) => customer(10 + (i % 5), 30_000 + i));
  const preprocessing = fitChurnPreprocessing(inputs);
  const income = preprocessing.numeric.income;
  const missing = churnVector(preprocessing, customer(12));
  assert.equal(missing[6], (income.median - income.mean) / income.std);
  const extreme = churnVector(preprocessing, customer(12, 10_000_000));
  assert.equal(extreme[6], (income.fences.high - income.mean) / income.std);
});

Deno.test("absent fields set their missing flags; categories left out encode as all zeros", () => {
  const preprocessing = fitChurnPreprocessing([10, 20, 30].map((t) => customer(t, 1000 * t)));
  const vector = churnVector(preprocessing, { age: 43, income: 35_000, tenure: 5 });
  assert.equal(vector.length, churnVectorWidth(preprocessing));
  // tenure, monthly_charges, total_charges, complaints, usage_minutes, age, income
  assert.deepEqual(vector.slice(7, 14), [0, 1, 1, 1, 1, 0, 0]);
  assert.deepEqual(vector.slice(-7), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(missingFeatures({ age: 43, income: 35_000, tenure: 5 }), [
    "monthly_charges",
    "total_charges",
    "complaints",
    "usage_minutes",
    "contract_type",
    "payment_method",
  ]);
  // A version trained before the flags keeps its width.
  const older = ChurnPreprocessingSchema.parse({ ...preprocessing, missingIndicators: undefined });
  assert.equal(churnVectorWidth(older), churnVectorWidth(preprocessing) - 7);
});
