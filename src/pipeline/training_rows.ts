/**
 * Which labelled rows a model trains on: the synthetic export (`synthetic`, the default), the
 * user's own ingested rows (`own`), or both (`mixed`); plus, whatever the source, the rows
 * production feedback made, each replacing any row with the same input (a label a person
 * corrected outranks a generated or imported one). The data hash names exactly the bytes
 * read, so a version's card says what it learned from.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readRows } from "../ml/training/dataset.ts";
import { trainingEntry } from "../models/training_catalog.ts";

/** The training sources `--source` accepts. */
export const trainingSources = ["synthetic", "own", "mixed"] as const;
export type TrainingSource = (typeof trainingSources)[number];

/** Parses `--source`, failing with the accepted values. */
export function parseTrainingSource(value: string | undefined): TrainingSource {
  if (value === undefined) return "synthetic";
  if ((trainingSources as readonly string[]).includes(value)) return value as TrainingSource;
  throw new Error(`--source must be one of ${trainingSources.join(", ")}, got "${value}"`);
}

/** The rows of `source` for model `name` under `root`, and the md5 of the files read. */
export async function readTrainingRows(
  root: string,
  name: string,
  source: TrainingSource = "synthetic",
): Promise<{ rows: Record<string, unknown>[]; dataHash: string }> {
  const { definition, dataFile, ownDataFile, feedbackDataFile } = trainingEntry(name);
  if (source !== "synthetic" && !ownDataFile) {
    throw new Error(`${name} has no own data: train it with --source synthetic`);
  }
  const files = source === "synthetic"
    ? [dataFile]
    : source === "own"
    ? [ownDataFile!]
    : [dataFile, ownDataFile!];
  const hash = createHash("md5");
  const rows: Record<string, unknown>[] = [];
  for (const file of files) {
    const bytes = await readFile(join(root, "data", file)).catch(() => {
      throw new Error(
        file === ownDataFile
          ? `No ingested tickets at data/${file} (run \`deno task ingest --tickets FILE\`)`
          : `No training data at data/${file} (run the snapshot step, or \`dvc pull\`)`,
      );
    });
    hash.update(bytes);
    rows.push(...await readRows(root, file));
  }
  const feedback = feedbackDataFile
    ? await readFile(join(root, "data", feedbackDataFile)).catch(() => undefined)
    : undefined;
  if (!feedback || feedback.length === 0) return { rows, dataHash: hash.digest("hex") };
  hash.update(feedback);
  const corrected = await readRows(root, feedbackDataFile!);
  const inputKey = (row: Record<string, unknown>) => JSON.stringify(definition.inputOf(row));
  const replaced = new Set(corrected.map(inputKey));
  return {
    rows: [...rows.filter((row) => !replaced.has(inputKey(row))), ...corrected],
    dataHash: hash.digest("hex"),
  };
}
