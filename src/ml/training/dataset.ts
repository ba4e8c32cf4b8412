import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { QualityReport } from "../../domain/dataset_spec.ts";
import { checkDataset } from "../quality/quality.ts";
import { formatQualityReport } from "../quality/quality_format.ts";
import type { DatasetSpec } from "../../domain/dataset_spec.ts";

/** The training set of a model was refused by the quality gate; the message is the report. */
export class DatasetRefusedError extends Error {
  constructor(readonly report: QualityReport) {
    super(formatQualityReport(report));
    this.name = "DatasetRefusedError";
  }
}

/** Reads the exported training file `data/<dataFile>` (JSON Lines) under `root`. */
export async function readRows(
  root: string,
  dataFile: string,
): Promise<Record<string, unknown>[]> {
  const path = join(root, "data", dataFile);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new Error(`No training data at ${path} (run the snapshot step, or \`dvc pull\`)`);
  }
  return text.split("\n").filter((line) => line.trim()).map((line, index) => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Error(`${path}:${index + 1} is not valid JSON`);
    }
  });
}

/** Runs a dataset's quality rules on its rows; refuses with {@link DatasetRefusedError}. */
export function assertQuality(
  rows: readonly Record<string, unknown>[],
  spec: DatasetSpec,
): QualityReport {
  const report = checkDataset(rows, spec);
  if (!report.passed) throw new DatasetRefusedError(report);
  return report;
}
