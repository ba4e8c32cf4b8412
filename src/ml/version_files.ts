import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { NetworkArtifacts } from "./inference/layers_topology.ts";
import type { ModelCodec } from "../domain/model_codec.ts";
import type { Hyperparameters } from "../domain/model_definition.ts";
import type { HeadEvaluation } from "./training/evaluate.ts";
import type { GateVerdict } from "./training/gate.ts";
import type { SubsetEvaluation } from "./training/subset_evaluation.ts";
import type { HoldoutEvaluation } from "./training/holdout.ts";
import type { SearchTrial } from "./training/train_and_evaluate.ts";

/** `card.json`: where a version came from. */
export interface ModelCard {
  name: string;
  version: string;
  data_hash: string;
  /** The rows it trained on: synthetic, the user's own (ingested), or both (absent: synthetic). */
  source?: string;
  seed: number;
  params: Hyperparameters;
  search: SearchTrial[];
  split: { train: number; validation: number; test: number };
  backend: string;
  training_seconds: number;
  created_at: string;
  code_commit: string;
  /** The independent evaluation set it was scored on: name, md5, rows, macro-F1 per head. */
  holdout?: { name: string; md5: string; rows: number; macro_f1: Record<string, number> };
}

/** `metrics.json`: test metrics per head (model, reference, baseline) and the gate verdict. */
export interface ModelMetrics {
  name: string;
  version: string;
  heads: HeadEvaluation[];
  /** Models scoring partial inputs: ROC AUC on the test split cut down to each subset. */
  inputSubsets?: SubsetEvaluation[];
  /** Scores on the model's independent evaluation set, when it has one. */
  holdout?: HoldoutEvaluation;
  gate?: GateVerdict;
}

/** A stored version as read from its files: the network's files and the parsed JSON. */
export interface VersionContents<Prep> {
  network: NetworkArtifacts;
  preprocessing: Prep;
  metrics: ModelMetrics;
  card: ModelCard;
}

/** File name of the weights blob referenced from `model.json`. */
export const weightsFileName = "weights.bin";

/**
 * The monitoring reference of a version (the drift engine's statistics of its test split);
 * optional: versions trained before it existed have none.
 */
export const referenceStatsFileName = "reference_stats.json";

/** `models/<name>/<version>` under `root`. */
export function versionDir(root: string, name: string, version: string): string {
  return join(root, "models", name, version);
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

/** Reads every file of a version directory into memory (`reference_stats.json` if present). */
export async function readVersionFiles(dir: string): Promise<VersionFiles> {
  const files = new Map<string, Uint8Array>();
  for (const name of versionFileNames) {
    try {
      files.set(name, await readFile(join(dir, name)));
    } catch {
      throw new Error(`Cannot read ${join(dir, name)}`);
    }
  }
  const stats = await readFile(join(dir, referenceStatsFileName)).catch(() => undefined);
  if (stats) files.set(referenceStatsFileName, stats);
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

/** Parses a version's files (from disk, a DVC cache or a remote); throws on a bad file. */
export function parseVersion<Prep>(
  files: VersionFiles,
  codec: ModelCodec<unknown, Prep>,
): VersionContents<Prep> {
  const weights = files.get(weightsFileName);
  if (!weights) throw new Error(`${weightsFileName} is missing`);
  return {
    network: { modelJson: parseJson(files, "model.json"), weights },
    preprocessing: codec.loadPreprocessing(parseJson(files, "preprocessing.json")),
    metrics: parseJson(files, "metrics.json") as ModelMetrics,
    card: parseJson(files, "card.json") as ModelCard,
  };
}

/**
 * One file of `models/<name>/<version>/` under `root`, or undefined when the version lacks
 * it (an older version without `reference_stats.json`): the monitor's reader in a workspace.
 */
export function workspaceVersionFile(
  root: string,
): (name: string, version: string, file: string) => Promise<Uint8Array | undefined> {
  return (name, version, file) =>
    readFile(join(versionDir(root, name, version), file)).catch((error) => {
      if ((error as { code?: string }).code === "ENOENT") return undefined;
      throw error;
    });
}
