/**
 * Comparing the drift engine with Evidently: the fixtures written by
 * tests/monitor/evidently_fixtures.py, and the fields an Evidently user compares (per column:
 * type, test, threshold and verdict exactly, score to 1e-6 relative or 1e-9 absolute; the
 * data set's counts and verdict).
 */
import assert from "node:assert/strict";
import { join } from "node:path";

/** The fixtures folder. */
export const fixturesDir = new URL("../monitor/fixtures/", import.meta.url).pathname;

/** One fixture case. */
export interface ParityCase {
  name: string;
  dir: string;
  reference: string;
  current: string;
  mapping?: string;
  options?: string;
  meta: { description: string; evidently_error?: string; skipped?: string[] };
  // deno-lint-ignore no-explicit-any
  legacy: any;
  // deno-lint-ignore no-explicit-any
  snapshot?: any;
}

const readJson = async (path: string) => JSON.parse(await Deno.readTextFile(path));
const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

/** Every case of the fixtures folder, by name. */
export async function parityCases(): Promise<ParityCase[]> {
  const cases: ParityCase[] = [];
  for await (const entry of Deno.readDir(fixturesDir)) {
    if (!entry.isDirectory) continue;
    const dir = join(fixturesDir, entry.name);
    const optional = async (file: string) =>
      await exists(join(dir, file)) ? join(dir, file) : undefined;
    const snapshot = await optional("snapshot.json");
    cases.push({
      name: entry.name,
      dir,
      reference: join(dir, "reference.csv"),
      current: join(dir, "current.csv"),
      mapping: await optional("mapping.json"),
      options: await optional("options.json"),
      meta: await readJson(join(dir, "case.json")),
      legacy: await readJson(join(dir, "legacy.json")),
      snapshot: snapshot ? await readJson(snapshot) : undefined,
    });
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

/** Equal to 1e-6 relative, or 1e-9 absolute near 0. */
export function assertClose(actual: number, expected: number, what: string): void {
  if (actual === expected || (Number.isNaN(actual) && Number.isNaN(expected))) return;
  const error = Math.abs(actual - expected);
  assert.ok(
    error <= 1e-9 || error <= 1e-6 * Math.abs(expected),
    `${what}: ${actual} vs Evidently's ${expected}`,
  );
}

/** Arrays of numbers (or labels) equal element by element, numbers to `assertClose`. */
function assertSeries(actual: unknown[], expected: unknown[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  expected.forEach((e, i) => {
    if (typeof e === "number") assertClose(actual[i] as number, e, `${what}[${i}]`);
    else assert.equal(actual[i], e, `${what}[${i}]`);
  });
}

/** The engine's legacy report against Evidently's, field by field. */
// deno-lint-ignore no-explicit-any
export function assertLegacyParity(actual: any, expected: any, name: string): void {
  if (expected === null) {
    assert.equal(actual.metrics[1].result.number_of_columns, 0, `${name}: no column left`);
    return;
  }
  for (const [i, metric] of ["DatasetDriftMetric", "DataDriftTable"].entries()) {
    assert.equal(actual.metrics[i].metric, metric);
    for (const field of ["number_of_columns", "number_of_drifted_columns", "dataset_drift"]) {
      assert.equal(
        actual.metrics[i].result[field],
        expected.metrics[i].result[field],
        `${name}: ${field}`,
      );
    }
    assertClose(
      actual.metrics[i].result.share_of_drifted_columns,
      expected.metrics[i].result.share_of_drifted_columns,
      `${name}: share_of_drifted_columns`,
    );
  }
  assert.equal(actual.metrics[0].result.drift_share, expected.metrics[0].result.drift_share);
  const want = expected.metrics[1].result.drift_by_columns;
  const got = actual.metrics[1].result.drift_by_columns;
  assert.deepEqual(Object.keys(got), Object.keys(want), `${name}: columns and their order`);
  // deno-lint-ignore no-explicit-any
  for (const [column, e] of Object.entries<any>(want)) {
    const a = got[column];
    const what = `${name}/${column}`;
    for (
      const field of [
        "column_name",
        "column_type",
        "stattest_name",
        "stattest_threshold",
        "drift_detected",
      ]
    ) {
      assert.equal(a[field], e[field], `${what}: ${field}`);
    }
    assertClose(a.drift_score, e.drift_score, `${what}: drift_score`);
    for (const side of ["current", "reference"]) {
      assertSeries(
        a[side].small_distribution.x,
        e[side].small_distribution.x,
        `${what}: ${side} x`,
      );
      assertSeries(
        a[side].small_distribution.y,
        e[side].small_distribution.y,
        `${what}: ${side} y`,
      );
    }
  }
}
