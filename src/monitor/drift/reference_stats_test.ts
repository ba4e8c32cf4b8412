import assert from "node:assert/strict";
import { createRandom } from "../../ml/random.ts";
import { compareToReference } from "./compare.ts";
import { summariseReference } from "./reference_stats.ts";
import { statsFromJson, statsToJson } from "./stats_json.ts";

const random = createRandom(3);
const rows = (n: number, shift: number) =>
  Array.from({ length: n }, () => ({ x: random.normal(shift, 1), plan: random.pick(["a", "b"]) }));

Deno.test("statistics above the distinct cap stay within their recorded Wasserstein error", () => {
  const reference = rows(5000, 0), current = rows(3000, 0.3);
  const exact = compareToReference(summariseReference(reference), current);
  const capped = summariseReference(reference, {}, { maxDistinct: 200 });
  const summary = capped.columns.get("x")!;
  assert.equal(summary.sample!.values.length, 200);
  assert.equal(summary.numeric!.count, 5000);
  const approximate = compareToReference(capped, current);
  const [a, b] = [exact, approximate].map((r) => r.columns.find((c) => c.column === "x")!);
  assert.equal(a.test.name, "wasserstein");
  const bound = summary.numeric!.wassersteinError / summary.numeric!.std;
  assert.ok(bound > 0 && Math.abs(a.score - b.score) <= bound + 1e-12, `${a.score} vs ${b.score}`);
});

Deno.test("statistics survive JSON and compare as the rows do", () => {
  const reference = rows(400, 0), current = rows(300, 0.2);
  const stats = summariseReference(reference, { categorical_features: ["plan"] });
  const stored = statsFromJson(JSON.parse(JSON.stringify(statsToJson(stats))), "stats");
  assert.deepEqual(compareToReference(stored, current), compareToReference(stats, current));
  assert.throws(
    () => statsFromJson({ format: "other" }, "x.json"),
    /not drift reference statistics/,
  );
});

Deno.test("a mapping naming a missing column is refused with the column's name", () => {
  assert.throws(
    () => summariseReference(rows(10, 0), { numerical_features: ["x", "nope"] }),
    /numerical_features names column "nope", which the reference data lacks/,
  );
});
