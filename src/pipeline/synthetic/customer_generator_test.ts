import assert from "node:assert/strict";
import { contractTypes, paymentMethods } from "../../domain/customer.ts";
import { generateCustomers, type SyntheticCustomer } from "./customer_generator.ts";

const customers = generateCustomers({ count: 10_000, seed: 7 });
const drifted = generateCustomers({ count: 10_000, seed: 7, drifted: true });

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const churnRate = (rows: readonly SyntheticCustomer[]) =>
  mean(rows.map((c) => (c.churned ? 1 : 0)));
const hasCents = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;

/** ROC AUC by the rank-sum (Mann-Whitney) formula; ties are rare with continuous scores. */
function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  order.forEach(([, i], rank) => {
    if (labels[i]) {
      rankSum += rank + 1;
      positives++;
    }
  });
  const negatives = scores.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

Deno.test("the same options give deeply equal customers, another seed different ones", () => {
  const a = generateCustomers({ count: 500, seed: 1 });
  assert.deepEqual(generateCustomers({ count: 500, seed: 1 }), a);
  const b = generateCustomers({ count: 500, seed: 2 });
  assert.notDeepEqual(b, a);
  assert.ok(b.filter((c, i) => c.monthlyCharges === a[i].monthlyCharges).length < 10);
});

Deno.test("ids run from C000001 without gaps, and invalid counts are refused", () => {
  assert.deepEqual(generateCustomers({ count: 0, seed: 1 }), []);
  assert.equal(customers.length, 10_000);
  assert.equal(customers[0].id, "C000001");
  assert.equal(customers[9_999].id, "C010000");
  assert.equal(new Set(customers.map((c) => c.id)).size, customers.length);
  assert.throws(() => generateCustomers({ count: -3, seed: 1 }), RangeError);
  assert.throws(() => generateCustomers({ count: 1_000_000, seed: 1 }), RangeError);
});

Deno.test("every value has the table's type and a plausible range", () => {
  for (const c of [...customers, ...drifted]) {
    assert.deepEqual(Object.keys(c).sort(), [
      "age",
      "churned",
      "complaints",
      "contractType",
      "id",
      "income",
      "monthlyCharges",
      "paymentMethod",
      "tenure",
      "totalCharges",
      "usageMinutes",
    ]);
    assert.ok(Number.isInteger(c.tenure) && c.tenure >= 0 && c.tenure <= 72);
    assert.ok(c.monthlyCharges >= 18 && c.monthlyCharges <= 150 && hasCents(c.monthlyCharges));
    assert.ok(c.totalCharges >= 0 && hasCents(c.totalCharges));
    assert.ok(contractTypes.includes(c.contractType) && paymentMethods.includes(c.paymentMethod));
    assert.equal(typeof c.churned, "boolean");
    if (c.complaints !== null) {
      assert.ok(Number.isInteger(c.complaints) && c.complaints >= 0 && c.complaints <= 10);
    }
    if (c.age !== null) assert.ok(Number.isInteger(c.age) && c.age >= 18 && c.age <= 90);
    if (c.usageMinutes !== null) assert.ok(c.usageMinutes >= 0);
    if (c.income !== null) assert.ok(c.income > 0);
  }
  assert.ok(customers.every((c) => c.monthlyCharges <= 120));
  // Total charges follow tenure times monthly charges, with some noise.
  const ratios = customers.filter((c) => c.tenure >= 6)
    .map((c) => c.totalCharges / (c.tenure * c.monthlyCharges));
  assert.ok(ratios.every((r) => r > 0.75 && r < 1.25));
  assert.ok(Math.abs(mean(ratios) - 1) < 0.02);
});

Deno.test("a few values are missing in the optional columns only, never above 3%", () => {
  for (const column of ["complaints", "usageMinutes", "age", "income"] as const) {
    const missing = customers.filter((c) => c[column] === null).length / customers.length;
    assert.ok(missing > 0.005 && missing <= 0.03, `${column}: ${missing}`);
  }
  const small = generateCustomers({ count: 40, seed: 3 });
  for (const column of ["complaints", "usageMinutes", "age", "income"] as const) {
    assert.ok(small.filter((c) => c[column] === null).length <= 1);
  }
});

Deno.test("churn is about 25% and follows the classic drivers", () => {
  const rate = churnRate(customers);
  assert.ok(rate > 0.2 && rate < 0.3, `churn rate ${rate}`);
  const byContract = (type: string) => churnRate(customers.filter((c) => c.contractType === type));
  assert.ok(byContract("Month-to-month") > 3 * byContract("Two year"));
  assert.ok(byContract("Month-to-month") > byContract("One year"));
  const byPayment = (method: string) =>
    churnRate(customers.filter((c) => c.paymentMethod === method));
  assert.ok(byPayment("Electronic check") > byPayment("Credit card") + 0.1);
  const tenure = (churned: boolean) =>
    mean(customers.filter((c) => c.churned === churned).map((c) => c.tenure));
  assert.ok(tenure(true) < tenure(false) - 10);
  const complaints = (churned: boolean) =>
    mean(
      customers.filter((c) => c.churned === churned && c.complaints !== null).map((c) =>
        c.complaints!
      ),
    );
  assert.ok(complaints(true) > complaints(false));
});

Deno.test("churn is learnable but noisy: a simple score separates it, not perfectly", () => {
  const score = (c: SyntheticCustomer) =>
    (c.contractType === "Month-to-month" ? 1.2 : c.contractType === "One year" ? 0 : -1) +
    (c.paymentMethod === "Electronic check" ? 0.6 : 0) - 0.035 * c.tenure +
    0.02 * c.monthlyCharges +
    0.35 * (c.complaints ?? 1);
  const value = auc(customers.map(score), customers.map((c) => c.churned));
  assert.ok(value > 0.75 && value < 0.92, `AUC ${value}`);
});

Deno.test("the drifted population is dearer, newer, less committed and more unhappy", () => {
  const avg = (rows: SyntheticCustomer[], f: (c: SyntheticCustomer) => number) => mean(rows.map(f));
  assert.ok(avg(drifted, (c) => c.monthlyCharges) > 1.15 * avg(customers, (c) => c.monthlyCharges));
  assert.ok(avg(drifted, (c) => c.tenure) < 0.85 * avg(customers, (c) => c.tenure));
  const monthly = (c: SyntheticCustomer) => (c.contractType === "Month-to-month" ? 1 : 0);
  assert.ok(avg(drifted, monthly) > avg(customers, monthly) + 0.1);
  const complaints = (c: SyntheticCustomer) => c.complaints ?? 0;
  assert.ok(avg(drifted, complaints) > 1.4 * avg(customers, complaints));
  assert.ok(churnRate(drifted) > churnRate(customers));
});
