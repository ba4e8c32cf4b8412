/**
 * Steps 5 and 6: train with TensorFlow.js (hyper-parameter search, early stopping) and
 * evaluate against a linear reference and the majority baseline; writes the version to
 * `models/<name>/<version>/` (model.json, weights, preprocessing, metrics.json, card.json,
 * reference_stats.json for monitoring).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { initTensorflow } from "../ml/inference/backend.ts";
import { assertQuality, readRows } from "../ml/training/dataset.ts";
import { saveVersion } from "../ml/training/model_store.ts";
import { type ModelCard, versionDir } from "../ml/version_files.ts";
import { trainAndEvaluate, type TrainingOutcome } from "../ml/training/train_and_evaluate.ts";
import { type HoldoutEvaluation, scoreHoldout } from "../ml/training/holdout.ts";
import { type HoldoutSet, trainingEntry } from "../models/training_catalog.ts";
import { writeReferenceStats } from "./reference_stats.ts";
import { readTrainingRows, type TrainingSource } from "./training_rows.ts";

/** Options of a training run. */
export interface TrainOptions {
  seed: number;
  /** Caps every candidate's epochs (quick runs in tests). */
  maxEpochs?: number;
  quiet?: boolean;
  /** Stops training at the next epoch. */
  signal?: AbortSignal;
  /** The rows to train on (default: the synthetic export). */
  source?: TrainingSource;
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

const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");

/** The holdout set's file in `data/` and its md5, or undefined when `data/` lacks it. */
async function readHoldout(root: string, holdout: HoldoutSet | undefined) {
  if (!holdout) return undefined;
  const bytes = await readFile(join(root, "data", holdout.file)).catch(() => undefined);
  if (!bytes) return undefined;
  return { ...holdout, md5: md5(bytes), rows: await readRows(root, holdout.file) };
}

/** Trains and evaluates one model on `data/` under `root` and stores the new version. */
export async function trainModel(
  root: string,
  name: string,
  options: TrainOptions,
): Promise<
  {
    version: string;
    dir: string;
    outcome: TrainingOutcome<unknown>;
    holdout?: HoldoutEvaluation;
  }
> {
  const { definition, holdout: holdoutSet, ownDataFile } = trainingEntry(name);
  // A model without own data (churn) trains on its synthetic export whatever the source.
  const source = ownDataFile ? options.source ?? "synthetic" : "synthetic";
  const { rows, dataHash } = await readTrainingRows(root, name, source);
  assertQuality(rows, definition.datasetSpec);
  const backend = await initTensorflow();
  const outcome = await trainAndEvaluate(definition, rows, options);
  const held = await readHoldout(root, holdoutSet);
  const holdout = held && {
    name: held.name,
    md5: held.md5,
    rows: held.rows.length,
    heads: scoreHoldout(
      definition,
      outcome.preprocessing,
      outcome.model,
      held.rows,
      outcome.evaluations.map((e) => e.threshold),
    ),
  };
  const version = versionName(new Date(), dataHash);
  const dir = versionDir(root, name, version);
  const card: ModelCard = {
    name,
    version,
    data_hash: dataHash,
    source,
    seed: options.seed,
    params: outcome.params,
    search: outcome.search,
    split: outcome.split,
    backend,
    training_seconds: outcome.seconds,
    created_at: new Date().toISOString(),
    code_commit: await gitCommit(root),
    ...(holdout && {
      holdout: {
        name: holdout.name,
        md5: holdout.md5,
        rows: holdout.rows,
        macro_f1: Object.fromEntries(holdout.heads.map((h) => [h.head, h.model.macro.f1])),
      },
    }),
  };
  await saveVersion(dir, definition, {
    model: outcome.model,
    preprocessing: outcome.preprocessing,
    metrics: {
      name,
      version,
      heads: outcome.evaluations,
      ...(outcome.subsets.length > 0 ? { inputSubsets: outcome.subsets } : {}),
      ...(holdout && { holdout }),
    },
    card,
  });
  await writeReferenceStats(dir, definition, outcome);
  return { version, dir, outcome, ...(holdout && { holdout }) };
}
