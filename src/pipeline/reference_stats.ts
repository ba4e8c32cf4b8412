/**
 * The monitoring reference of a new version: the drift engine's statistics of the test
 * split's request-shaped inputs and of the trained model's answers on them, written beside
 * the version's other files. The monitor compares production windows with it, so the edge
 * never needs the training rows.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { headOutput } from "../domain/head_output.ts";
import type { ModelDefinition } from "../domain/model_definition.ts";
import type { MonitoredOutput } from "../domain/monitoring_spec.ts";
import type { TrainingOutcome } from "../ml/training/train_and_evaluate.ts";
import { referenceStatsFileName } from "../ml/version_files.ts";
import { catalogEntry } from "../models/catalog.ts";
import { statsToJson, summariseReference } from "../monitor/mod.ts";

/** The monitoring rows of the test split: the same columns the monitor builds from the log. */
export function referenceRows<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  outcome: TrainingOutcome<Prep>,
): Record<string, unknown>[] {
  const { monitoring } = catalogEntry(definition.name);
  const threshold = outcome.evaluations.find((e) => e.threshold !== undefined)?.threshold;
  return (outcome.test.rows as Row[]).map((row, r) => {
    const outputs: Record<string, MonitoredOutput> = {};
    definition.heads.forEach((head, h) => {
      const probabilities = outcome.test.probabilities[h][r];
      const { label, confidence } = headOutput(
        head,
        probabilities,
        probabilities.length === 2 ? threshold : undefined,
      );
      outputs[head.name] = { label, confidence };
    });
    return monitoring.columns(definition.inputOf(row), outputs);
  });
}

/** Summarises the test split and writes `reference_stats.json` into the version directory. */
export async function writeReferenceStats<Row, Input, Prep>(
  dir: string,
  definition: ModelDefinition<Row, Input, Prep>,
  outcome: TrainingOutcome<Prep>,
): Promise<void> {
  const { monitoring } = catalogEntry(definition.name);
  const stats = summariseReference(referenceRows(definition, outcome), monitoring.mapping, {
    vocabulary: monitoring.vocabulary?.(outcome.preprocessing),
  });
  await writeFile(join(dir, referenceStatsFileName), JSON.stringify(statsToJson(stats)));
}
