/**
 * Step 4: the data quality gate. Checks `data/` against each model's rules and refuses
 * (exit 1) with a report naming every broken rule.
 */
import type { QualityReport } from "../domain/dataset_spec.ts";
import { checkDataset } from "../ml/quality/quality.ts";
import { readRows } from "../ml/training/dataset.ts";
import { trainingEntry } from "../models/training_catalog.ts";

/** The quality report of each model's training set under `root`. */
export async function checkQuality(
  root: string,
  models: readonly string[],
): Promise<QualityReport[]> {
  const reports: QualityReport[] = [];
  for (const name of models) {
    const { dataFile, definition } = trainingEntry(name);
    reports.push(checkDataset(await readRows(root, dataFile), definition.datasetSpec));
  }
  return reports;
}
