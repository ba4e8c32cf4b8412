import * as tf from "@tensorflow/tfjs";

/** The two files tfjs' Layers format needs: the topology+manifest and the weights blob. */
export interface SerializedModel {
  modelJson: Record<string, unknown>;
  weights: Uint8Array;
}

/** File name of the weights blob referenced from `model.json`. */
export const weightsFileName = "weights.bin";

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
export function deserializeModel({ modelJson, weights }: SerializedModel): Promise<tf.LayersModel> {
  const manifest = modelJson.weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[];
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: modelJson.modelTopology as tf.io.ModelJSON["modelTopology"],
    weightSpecs: manifest.flatMap((group) => group.weights),
    weightData: buffer as ArrayBuffer,
  }));
}
