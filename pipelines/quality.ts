/**
 * Step 4: the data quality gate. Checks `data/` against each model's rules and refuses
 * (exit 1) with a report naming every broken rule.
 *   deno task quality [--model churn]
 */
import { parseArgs } from "node:util";
import { checkDataset, formatQualityReport, type QualityReport } from "../src/data/quality.ts";
import { readRows } from "../src/ml/dataset.ts";
import { catalog } from "../src/models/catalog.ts";
import { trainingEntry } from "../src/models/training_catalog.ts";
import { runMain } from "../src/cli.ts";

/** The quality report of each model's training set under `root`. */
export async function checkQuality(
  root: string,
  models: readonly string[],
): Promise<QualityReport[]> {
  const reports: QualityReport[] = [];
  for (const name of models) {
    reports.push(
      checkDataset(await readRows(root, name), trainingEntry(name).definition.datasetSpec),
    );
  }
  return reports;
}

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({ args: Deno.args, options: { model: { type: "string" } } });
    const reports = await checkQuality(
      Deno.cwd(),
      values.model ? [values.model] : Object.keys(catalog),
    );
    for (const report of reports) console.log(formatQualityReport(report));
    if (reports.some((report) => !report.passed)) Deno.exit(1);
  });
}
