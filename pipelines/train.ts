/**
 * Steps 5 and 6: train with TensorFlow.js (hyper-parameter search, early stopping) and
 * evaluate against a linear reference and the majority baseline; writes the version to
 * `models/<name>/<version>/` (model.json, weights, preprocessing, metrics.json, card.json).
 *   deno task train [--model churn] [--seed 42] [--max-epochs 12]
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { initTensorflow } from "../src/ml/backend.ts";
import { assertQuality, readRows } from "../src/ml/dataset.ts";
import { formatEvaluation } from "../src/ml/format_evaluation.ts";
import { saveVersion } from "../src/ml/model_store.ts";
import { type ModelCard, versionDir } from "../src/ml/version_files.ts";
import { trainAndEvaluate, type TrainingOutcome } from "../src/ml/train_and_evaluate.ts";
import { catalog } from "../src/models/catalog.ts";
import { trainingEntry } from "../src/models/training_catalog.ts";
import { positiveInt, runMain } from "../src/cli.ts";

/** Options of a training run. */
export interface TrainOptions {
  seed: number;
  /** Caps every candidate's epochs (quick runs in tests). */
  maxEpochs?: number;
  quiet?: boolean;
  /** Stops training at the next epoch. */
  signal?: AbortSignal;
}

async function gitCommit(root: string): Promise<string> {
  const output = await new Deno.Command("git", {
    args: ["rev-parse", "HEAD"],
    cwd: root,
    stdout: "piped",
    stderr: "null",
  }).output().catch(() => undefined);
  return output?.code === 0 ? new TextDecoder().decode(output.stdout).trim() : "unknown";
}

/** Version names sort by time and name the data they were trained on. */
export function versionName(now: Date, dataHash: string): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${
    dataHash.slice(0, 8)
  }`;
}

/** Trains and evaluates one model on `data/` under `root` and stores the new version. */
export async function trainModel(
  root: string,
  name: string,
  options: TrainOptions,
): Promise<{ version: string; dir: string; outcome: TrainingOutcome<unknown> }> {
  const { definition, dataFile } = trainingEntry(name);
  const rows = await readRows(root, name);
  assertQuality(name, rows);
  const dataHash = createHash("md5").update(await readFile(join(root, "data", dataFile)))
    .digest("hex");
  const backend = await initTensorflow();
  const outcome = await trainAndEvaluate(definition, rows, options);
  const version = versionName(new Date(), dataHash);
  const dir = versionDir(root, name, version);
  const card: ModelCard = {
    name,
    version,
    data_hash: dataHash,
    seed: options.seed,
    params: outcome.params,
    search: outcome.search,
    split: outcome.split,
    backend,
    training_seconds: outcome.seconds,
    created_at: new Date().toISOString(),
    code_commit: await gitCommit(root),
  };
  await saveVersion(dir, definition, {
    model: outcome.model,
    preprocessing: outcome.preprocessing,
    metrics: { name, version, heads: outcome.evaluations },
    card,
  });
  return { version, dir, outcome };
}

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: {
        model: { type: "string" },
        seed: { type: "string" },
        "max-epochs": { type: "string" },
      },
    });
    const options = {
      seed: positiveInt("seed", values.seed, 42),
      maxEpochs: values["max-epochs"]
        ? positiveInt("max-epochs", values["max-epochs"], 0)
        : undefined,
    };
    for (const name of values.model ? [values.model] : Object.keys(catalog)) {
      const { version, dir, outcome } = await trainModel(Deno.cwd(), name, options);
      console.log(formatEvaluation(name, outcome.evaluations));
      console.log(`Trained ${name} ${version} in ${outcome.seconds.toFixed(1)} s -> ${dir}`);
    }
  });
}
