import * as tf from "@tensorflow/tfjs";

import type { NetworkArtifacts } from "./layers_topology.ts";
import { weightsFileName } from "../version_files.ts";

/** A model's two files, `model.json` as an object. */
export interface SerializedModel extends NetworkArtifacts {
  modelJson: Record<string, unknown>;
}

/** Serialises a model to tfjs' `model.json` + one weights file, in memory. */
export async function serializeModel(model: tf.LayersModel): Promise<SerializedModel> {
  let captured: SerializedModel | undefined;
  await model.save(tf.io.withSaveHandler((artifacts) => {
    const weightData = artifacts.weightData;
    const buffer = Array.isArray(weightData)
      ? tf.io.concatenateArrayBuffers(weightData)
      : weightData!;
    captured = {
      modelJson: {
        format: "layers-model",
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [weightsFileName], weights: artifacts.weightSpecs }],
      },
      weights: new Uint8Array(buffer),
    };
    return Promise.resolve({
      modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" },
    });
  }));
  return captured!;
}

/** Restores a model from {@link serializeModel}'s output (read from disk or a remote). */
export function deserializeModel(
  { modelJson, weights }: NetworkArtifacts,
): Promise<tf.LayersModel> {
  const { modelTopology, weightsManifest } = modelJson as tf.io.ModelJSON;
  const manifest = weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[];
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology,
    weightSpecs: manifest.flatMap((group) => group.weights),
    weightData: buffer as ArrayBuffer,
  }));
}
