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

/** The files of a version, by name (`model.json`, `weights.bin`, ...). */
export type VersionFiles = ReadonlyMap<string, Uint8Array>;

const versionFileNames = [
  "model.json",
  weightsFileName,
  "preprocessing.json",
  "metrics.json",
  "card.json",
] as const;

function parseJson(files: VersionFiles, name: string): unknown {
  const bytes = files.get(name);
  if (!bytes) throw new Error(`${name} is missing`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
}

/** Reads every file of a version directory into memory. */
export async function readVersionFiles(dir: string): Promise<VersionFiles> {
  const files = new Map<string, Uint8Array>();
  for (const name of versionFileNames) {
    try {
      files.set(name, await readFile(join(dir, name)));
    } catch {
      throw new Error(`Cannot read ${join(dir, name)}`);
    }
  }
  return files;
}

/** Reads `metrics.json` of a version directory. */
export async function readMetrics(dir: string): Promise<ModelMetrics> {
  const path = join(dir, "metrics.json");
  return parseJson(
    new Map([["metrics.json", await readFile(path)]]),
    "metrics.json",
  ) as ModelMetrics;
}

/** Restores a version from its files (from disk, a DVC cache or a remote). */
export async function parseVersion<Prep>(
  files: VersionFiles,
  definition: ModelDefinition<unknown, unknown, Prep>,
): Promise<StoredVersion<Prep>> {
  const modelJson = parseJson(files, "model.json") as Record<string, unknown>;
  const weights = files.get(weightsFileName);
  if (!weights) throw new Error(`${weightsFileName} is missing`);
  return {
    model: await deserializeModel({ modelJson, weights }),
    preprocessing: definition.loadPreprocessing(parseJson(files, "preprocessing.json")),
    metrics: parseJson(files, "metrics.json") as ModelMetrics,
    card: parseJson(files, "card.json") as ModelCard,
  };
}

/** Loads a version from a directory laid out by {@link saveVersion}. */
export async function loadVersion<Prep>(
  dir: string,
  definition: ModelDefinition<unknown, unknown, Prep>,
): Promise<StoredVersion<Prep>> {
  return parseVersion(await readVersionFiles(dir), definition);
}
