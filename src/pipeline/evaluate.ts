/**
 * Step 6 on its own: reload a stored version, re-score it on the test split of the current
 * `data/` (same seed as its card) and check the result against its `metrics.json`: a
 * reloaded model must reproduce its recorded metrics exactly.
 */
import { isDeepStrictEqual } from "node:util";
import { initTensorflow } from "../ml/inference/backend.ts";
import { readRows } from "../ml/training/dataset.ts";
import { type HeadScores, scoreHead } from "../ml/training/evaluate.ts";
import { loadVersion } from "../ml/training/model_store.ts";
import { versionDir } from "../ml/version_files.ts";
import { predictProbabilities } from "../ml/training/train.ts";
import { splitRows } from "../ml/training/train_and_evaluate.ts";
import { trainingEntry } from "../models/training_catalog.ts";

/** Per head, the recomputed scores and whether they equal the stored ones. */
export interface Reevaluation {
  head: string;
  scores: HeadScores;
  matchesStored: boolean;
}

/** Reloads `models/<name>/<version>` under `root` and re-scores it on the test split. */
export async function evaluateVersion(
  root: string,
  name: string,
  version: string,
): Promise<Reevaluation[]> {
  await initTensorflow();
  const { definition, dataFile } = trainingEntry(name);
  const stored = await loadVersion(versionDir(root, name, version), definition);
  try {
    const rows = await readRows(root, dataFile);
    const test = splitRows(definition, rows, stored.card.seed).test.map((i) => rows[i]);
    const probabilities = predictProbabilities(
      definition,
      stored.preprocessing,
      stored.model,
      test.map(definition.inputOf),
    );
    return definition.heads.map((head, h) => {
      const recorded = stored.metrics.heads[h];
      const scores = scoreHead(
        head,
        test.map((row) => definition.labels(row)[h]),
        probabilities[h],
        recorded.threshold,
      );
      return { head: head.name, scores, matchesStored: isDeepStrictEqual(scores, recorded.model) };
    });
  } finally {
    stored.model.dispose();
  }
}
