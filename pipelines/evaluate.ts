/**
 * Step 6 on its own: reload a stored version, re-score it on the test split of the current
 * `data/` (same seed as its card) and check the result against its `metrics.json`: a
 * reloaded model must reproduce its recorded metrics exactly.
 *   deno task evaluate --model churn --version <v>
 */
import { isDeepStrictEqual, parseArgs } from "node:util";
import { initTensorflow } from "../src/ml/backend.ts";
import { readRows } from "../src/ml/dataset.ts";
import { type HeadScores, scoreHead } from "../src/ml/evaluate.ts";
import { loadVersion } from "../src/ml/model_store.ts";
import { versionDir } from "../src/ml/version_files.ts";
import { predictProbabilities } from "../src/ml/train.ts";
import { splitRows } from "../src/ml/train_and_evaluate.ts";
import { trainingEntry } from "../src/models/training_catalog.ts";
import { runMain } from "../src/cli.ts";

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
  const { definition } = trainingEntry(name);
  const stored = await loadVersion(versionDir(root, name, version), definition);
  try {
    const rows = await readRows(root, name);
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

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { model: { type: "string" }, version: { type: "string" } },
    });
    if (!values.model || !values.version) throw new Error("--model and --version are required");
    const results = await evaluateVersion(Deno.cwd(), values.model, values.version);
    for (const { head, scores, matchesStored } of results) {
      console.log(
        `${head}: accuracy ${scores.accuracy.toFixed(4)} macro-F1 ${scores.macro.f1.toFixed(4)}` +
          (scores.rocAuc === undefined ? "" : ` ROC AUC ${scores.rocAuc.toFixed(4)}`) +
          (matchesStored ? "  (identical to metrics.json)" : "  (DIFFERS from metrics.json)"),
      );
    }
    if (results.some((r) => !r.matchesStored)) Deno.exit(1);
  });
}
