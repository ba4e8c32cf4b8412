/**
 * Step 4: the data quality gate. Checks `data/` against each model's rules and refuses
 * (exit 1) with a report naming every broken rule.
 */
import type { QualityReport } from "../domain/dataset_spec.ts";
import { checkDataset } from "../ml/quality/quality.ts";
import { trainingEntry } from "../models/training_catalog.ts";
import { readTrainingRows, type TrainingSource } from "./training_rows.ts";

/**
 * The quality report of each model's training set under `root`: the rows of `source` for a
 * model that has own data, its synthetic export otherwise.
 */
export async function checkQuality(
  root: string,
  models: readonly string[],
  source: TrainingSource = "synthetic",
): Promise<QualityReport[]> {
  const reports: QualityReport[] = [];
  for (const name of models) {
    const { definition, ownDataFile } = trainingEntry(name);
    const { rows } = await readTrainingRows(root, name, ownDataFile ? source : "synthetic");
    reports.push(checkDataset(rows, definition.datasetSpec));
  }
  return reports;
}
