import type { LabelledPrediction, LabelledWindow } from "../../src/db/mod.ts";
import type { Head } from "../../src/domain/model_codec.ts";
import { classificationReport } from "../../src/ml/metrics/classification_metrics.ts";
import { scoreHead } from "../../src/ml/training/evaluate.ts";
import type { ModelMetrics } from "../../src/ml/version_files.ts";
import {
  type QualityReport,
  qualityReport,
  WindowAccumulator,
} from "../../src/monitor/quality/mod.ts";

/** Rows of one side of a fixture case, as the Python script wrote them. */
export interface FixtureRows {
  truth: string[];
  predicted: string[];
  /** Empty objects for a case without scores. */
  scores: Record<string, number>[];
}

/** One case of `tests/monitor/quality_fixtures/evidently_quality.json` (tests/monitor/evidently_quality_fixture.py). */
export interface FixtureCase {
  name: string;
  classes: string[];
  threshold: number | null;
  current: FixtureRows;
  reference: FixtureRows;
  legacy: { metrics: { metric: string; result: Record<string, unknown> }[] };
  snapshot: { metrics: { id: string; metric_name: string; config: unknown; value: unknown }[] };
}

/** The committed fixture. */
export function readFixture(): { evidently: string; cases: FixtureCase[] } {
  return JSON.parse(
    Deno.readTextFileSync(
      new URL("../monitor/quality_fixtures/evidently_quality.json", import.meta.url),
    ),
  );
}

const window: LabelledWindow = {
  modelName: "fixture",
  modelVersion: "v1",
  start: new Date("2024-06-01T00:00:00Z"),
  end: new Date("2024-06-02T00:00:00Z"),
};

/** The case's window rows as the repository would page them. */
export function labelledRows(head: string, rows: FixtureRows): LabelledPrediction[] {
  return rows.truth.map((truth, i) => ({
    predictionId: `p${i}`,
    head,
    truth,
    predicted: rows.predicted[i],
    scores: rows.scores[i],
  }));
}

/** The version's test metrics as training writes them, scored on the case's reference rows. */
export function versionMetrics(head: Head, testCase: FixtureCase): ModelMetrics {
  const rows = testCase.reference;
  const scored = Object.keys(rows.scores[0]).length > 0;
  const threshold = testCase.threshold ?? undefined;
  const model = scored
    ? scoreHead(head, rows.truth, rows.scores.map((s) => head.classes.map((c) => s[c])), threshold)
    // Labels only: no score-based metric, as a stored version without them would have.
    : { ...classificationReport(rows.truth, rows.predicted, head.classes), logLoss: undefined };
  const evaluation = { head: head.name, threshold, model, reference: model, baseline: model };
  return { name: "fixture", version: "v1", heads: [evaluation] } as unknown as ModelMetrics;
}

/** Our quality report of a fixture case, its window fed in pages of 50 rows. */
export function reportOf(testCase: FixtureCase): QualityReport {
  const head: Head = { name: "target", classes: testCase.classes };
  const accumulator = new WindowAccumulator([head]);
  const rows = labelledRows(head.name, testCase.current);
  for (let start = 0; start < rows.length; start += 50) {
    accumulator.addPage(rows.slice(start, start + 50));
  }
  return qualityReport(window, accumulator, versionMetrics(head, testCase));
}
