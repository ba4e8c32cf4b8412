import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { deserializeModel, serializeModel, weightsFileName } from "./artifact_io.ts";
import type { HeadEvaluation } from "./evaluate.ts";
import type { GateVerdict } from "./gate.ts";
import type { Hyperparameters, ModelDefinition } from "./model_definition.ts";
import type { SearchTrial } from "./train_and_evaluate.ts";

/** `card.json`: where a version came from. */
export interface ModelCard {
  name: string;
  version: string;
  data_hash: string;
  seed: number;
  params: Hyperparameters;
  search: SearchTrial[];
  split: { train: number; validation: number; test: number };
  backend: string;
  training_seconds: number;
  created_at: string;
  code_commit: string;
}

/** `metrics.json`: test metrics per head (model, reference, baseline) and the gate verdict. */
export interface ModelMetrics {
  name: string;
  version: string;
  heads: HeadEvaluation[];
  gate?: GateVerdict;
}

/** A stored version, loaded. */
export interface StoredVersion<Prep> {
  model: tf.LayersModel;
  preprocessing: Prep;
  metrics: ModelMetrics;
  card: ModelCard;
}

/** `models/<name>/<version>` under `root`. */
export function versionDir(root: string, name: string, version: string): string {
  return join(root, "models", name, version);
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** Writes every artifact of a version: model.json, weights, preprocessing, metrics, card. */
export async function saveVersion<Prep>(
  dir: string,
  definition: ModelDefinition<unknown, unknown, Prep>,
  version: Omit<StoredVersion<Prep>, "model"> & { model: tf.LayersModel },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { modelJson, weights } = await serializeModel(version.model);
  await writeFile(join(dir, "model.json"), json(modelJson));
  await writeFile(join(dir, weightsFileName), weights);
  await writeFile(
    join(dir, "preprocessing.json"),
    json(definition.savePreprocessing(version.preprocessing)),
  );
  await writeMetrics(dir, version.metrics);
  await writeFile(join(dir, "card.json"), json(version.card));
}

/** Rewrites `metrics.json` (the register step adds the gate verdict). */
export function writeMetrics(dir: string, metrics: ModelMetrics): Promise<void> {
  return writeFile(join(dir, "metrics.json"), json(metrics));
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${error instanceof Error ? error.message : error}`);
  }
}

/** Reads `metrics.json` of a version directory. */
export async function readMetrics(dir: string): Promise<ModelMetrics> {
  return await readJson(join(dir, "metrics.json")) as ModelMetrics;
}

/** Loads a version from a directory laid out by {@link saveVersion}. */
export async function loadVersion<Prep>(
  dir: string,
  definition: ModelDefinition<unknown, unknown, Prep>,
): Promise<StoredVersion<Prep>> {
  const modelJson = await readJson(join(dir, "model.json")) as Record<string, unknown>;
  const weights = await readFile(join(dir, weightsFileName));
  return {
    model: await deserializeModel({ modelJson, weights }),
    preprocessing: definition.loadPreprocessing(await readJson(join(dir, "preprocessing.json"))),
    metrics: await readMetrics(dir),
    card: await readJson(join(dir, "card.json")) as ModelCard,
  };
}
