import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { deserializeModel, serializeModel } from "../inference/artifact_io.ts";
import type { ModelDefinition } from "../../domain/model_definition.ts";
import {
  type ModelCard,
  type ModelMetrics,
  parseVersion,
  readVersionFiles,
  weightsFileName,
} from "../version_files.ts";

/** A stored version, loaded as a tfjs model (training and evaluation side). */
export interface StoredVersion<Prep> {
  model: tf.LayersModel;
  preprocessing: Prep;
  metrics: ModelMetrics;
  card: ModelCard;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** Writes every artifact of a version: model.json, weights, preprocessing, metrics, card. */
export async function saveVersion<Prep>(
  dir: string,
  definition: ModelDefinition<unknown, unknown, Prep>,
  version: StoredVersion<Prep>,
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

/** Loads a version from a directory laid out by {@link saveVersion}, as a tfjs model. */
export async function loadVersion<Prep>(
  dir: string,
  definition: ModelDefinition<unknown, unknown, Prep>,
): Promise<StoredVersion<Prep>> {
  const { network, ...rest } = parseVersion(await readVersionFiles(dir), definition);
  return { model: await deserializeModel(network), ...rest };
}
