import assert from "node:assert/strict";
import {
  type HeadQuality,
  type LegacyQualityDict,
  legacyQualityDict,
  type SnapshotDict,
  snapshotQualityDict,
} from "../../src/monitor/quality/mod.ts";
import { readFixture, reportOf } from "../support/quality_fixture.ts";

/**
 * Ours against Evidently 0.7 on the same rows (tests/monitor/evidently_quality_fixture.py):
 * every number Evidently reports that we produce agrees to 1e-6; the fields we leave out are
 * listed, so a new gap fails the test.
 */
const tolerance = 1e-6;

/** Walks Evidently's value; returns the paths of numbers we do not produce. */
function compare(ours: unknown, theirs: unknown, path: string, missing: string[]): number {
  if (typeof theirs === "number") {
    if (typeof ours !== "number") {
      missing.push(path);
      return 0;
    }
    assert.ok(Math.abs(ours - theirs) <= tolerance, `${path}: ours ${ours}, Evidently ${theirs}`);
    return 1;
  }
  if (theirs === null || typeof theirs !== "object") {
    if (theirs === null && typeof ours === "number") assert.fail(`${path}: Evidently has none`);
    return 0;
  }
  let compared = 0;
  for (const [key, value] of Object.entries(theirs)) {
    const mine = ours && typeof ours === "object" ? (ours as Record<string, unknown>)[key] : null;
    compared += compare(mine, value, `${path}.${key}`, missing);
  }
  return compared;
}

/** Our matrix reordered to Evidently's labels (sorted, seen only); ours holds every class. */
function alignMatrix(ours: { labels: string[]; values: number[][] }, labels: unknown[]) {
  const index = labels.map((label) => ours.labels.indexOf(String(label)));
  const total = (values: number[][]) => values.flat().reduce((sum, n) => sum + n, 0);
  const values = index.map((t) => index.map((p) => ours.values[t][p]));
  assert.equal(total(values), total(ours.values), "a class Evidently did not see has rows");
  return { labels, values };
}

const byMetric = <T extends { metric: string }>(list: T[]) =>
  new Map(list.map((item) => [item.metric, item]));

const fixture = readFixture();

for (const testCase of fixture.cases) {
  Deno.test(`legacy JSON equals Evidently ${fixture.evidently}: ${testCase.name}`, () => {
    const head = reportOf(testCase).heads[0] as HeadQuality;
    const ours = byMetric((legacyQualityDict(head) as LegacyQualityDict).metrics);
    const theirs = byMetric(testCase.legacy.metrics);
    // Every metric ours lists, Evidently lists; only the PR table (every score) is left out.
    assert.deepEqual([...ours.keys()].filter((name) => !theirs.has(name)), []);
    assert.deepEqual([...theirs.keys()].filter((name) => !ours.has(name)).sort(), [
      ...(testCase.legacy.metrics.some((m) => m.metric === "ClassificationPRTable")
        ? ["ClassificationPRTable"]
        : []),
    ]);
    const matrix = ours.get("ClassificationConfusionMatrix")!.result;
    const their = theirs.get("ClassificationConfusionMatrix")!.result as Record<
      string,
      { labels: unknown[] }
    >;
    for (const side of ["current_matrix", "reference_matrix"]) {
      matrix[side] = alignMatrix(matrix[side] as never, their[side].labels);
    }
    const missing: string[] = [];
    let compared = 0;
    for (const [name, metric] of theirs) {
      if (name === "ClassificationPRTable") continue;
      compared += compare(ours.get(name)!.result, metric.result, name, missing);
    }
    assert.ok(compared >= 40, `only ${compared} numbers compared`);
    // The version's test metrics keep ROC AUC for binary heads only.
    const allowed =
      /^ClassificationQuality(Metric\.reference\.roc_auc|ByClass\.reference\.(metrics\.\w+\.roc_auc|roc_aucs\.\d))$/;
    assert.deepEqual(missing.filter((path) => !allowed.test(path)), []);
  });

  Deno.test(`snapshot JSON equals Evidently ${fixture.evidently}: ${testCase.name}`, () => {
    const head = reportOf(testCase).heads[0] as HeadQuality;
    const ours = (snapshotQualityDict(head) as SnapshotDict).metrics;
    const theirs = testCase.snapshot.metrics;
    assert.deepEqual(ours.map((m) => m.metric_name), theirs.map((m) => m.metric_name));
    ours.forEach((metric, i) => {
      assert.equal(metric.id, theirs[i].id, `${metric.metric_name}: id`);
      assert.deepEqual(metric.config, theirs[i].config);
      const missing: string[] = [];
      assert.ok(compare(metric.value, theirs[i].value, metric.metric_name, missing) >= 1);
      assert.deepEqual(missing, []);
    });
  });
}
