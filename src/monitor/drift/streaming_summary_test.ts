import assert from "node:assert/strict";
import { createRandom } from "../../ml/random.ts";
import { compareToReference } from "./compare.ts";
import { summariseCurrent, summariseReference } from "./reference_stats.ts";
import { statsToJson } from "./stats_json.ts";
import { StreamingSummary } from "./streaming_summary.ts";

const random = createRandom(11);
const mapping = { text_features: ["body"] };

/** Rows whose columns change type between blocks, as a window's rows can. */
function rows(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    count: random.int(0, 9),
    // Integers until a gap appears in the second half: int64 in early blocks, float64 overall.
    gappy: i > n / 2 && i % 13 === 0 ? null : random.int(0, 40),
    score: i % 97 === 0 ? Infinity : random.normal(0, 1),
    // Booleans, then one missing: bool in early blocks, object overall.
    flag: i === n - 3 ? null : random.next() < 0.3,
    plan: random.pick(["basic", "pro", "team"]),
    // Numbers, then strings: int64 early, object overall (the numbers as strings).
    code: i < n / 2 ? random.int(1, 3) : random.pick(["A", "B"]),
    body: random.pick(["printer is down", "le serveur ne repond plus", "please reset"]),
    // Present only in the last rows: missing before.
    ...(i > n - 20 ? { late: random.normal(5, 1) } : {}),
  }));
}

Deno.test("a summary built block by block equals the summary of all the rows", () => {
  const reference = summariseReference(rows(300), mapping);
  const current = rows(500);
  const streamed = new StreamingSummary(reference, { blockRows: 37 });
  for (const row of current) streamed.add(row);
  const whole = summariseCurrent(current, reference);
  const result = streamed.result();
  // A column that turns from numbers to strings keeps its categories, in sorted order for the
  // numbers (their order of first appearance is not kept); every other column is identical.
  const sortedCategories = (stats: typeof result) => {
    const json = statsToJson(stats);
    json.columns.code.categories!.sort(([a], [b]) => String(a).localeCompare(String(b)));
    return json;
  };
  assert.deepEqual(sortedCategories(result), sortedCategories(whole));
  assert.equal(result.columns.get("gappy")!.dtype, "float64");
  assert.equal(result.columns.get("flag")!.dtype, "object");
  assert.equal(result.columns.get("code")!.dtype, "object");
  assert.deepEqual(compareToReference(reference, result), compareToReference(reference, whole));
});

Deno.test("no rows give the summary of an empty window", () => {
  const reference = summariseReference(rows(50), mapping);
  const empty = new StreamingSummary(reference).result();
  assert.equal(empty.rows, 0);
  assert.deepEqual(statsToJson(empty), statsToJson(summariseCurrent([], reference)));
});

Deno.test("above the distinct cap, count, min, max and std stay exact and the error is bounded", () => {
  const data = (n: number, shift: number) =>
    Array.from({ length: n }, () => ({ x: random.normal(shift, 1) }));
  const reference = summariseReference(data(4000, 0));
  const current = data(6000, 0.2);
  const streamed = new StreamingSummary(reference, { blockRows: 500, maxDistinct: 300 });
  for (const row of current) streamed.add(row);
  const capped = streamed.result().columns.get("x")!;
  const exact = summariseCurrent(current, reference).columns.get("x")!;
  assert.equal(capped.sample!.values.length, 300);
  assert.equal(capped.numeric!.count, 6000);
  assert.equal(capped.numeric!.min, exact.numeric!.min);
  assert.equal(capped.numeric!.max, exact.numeric!.max);
  assert.ok(Math.abs(capped.numeric!.std - exact.numeric!.std) < 1e-9 * exact.numeric!.std);
  const score = (stats: Parameters<typeof compareToReference>[1]) =>
    compareToReference(reference, stats).columns[0].score;
  const bound = capped.numeric!.wassersteinError / reference.columns.get("x")!.numeric!.std;
  const [a, b] = [score(current), score(streamed.result())];
  assert.ok(bound > 0 && Math.abs(a - b) <= bound + 1e-12, `${a} vs ${b} (bound ${bound})`);
});
