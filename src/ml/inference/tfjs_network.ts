import * as tf from "@tensorflow/tfjs";
import { deserializeModel } from "./artifact_io.ts";
import { initTensorflow } from "./backend.ts";
import type { Forward, Network } from "./compiled_network.ts";
import { toTensors } from "./encoded_tensors.ts";
import type { NetworkArtifacts } from "./layers_topology.ts";

/** The forward pass through tfjs itself: the reference of the compiled pass. */
export function tfjsForward(model: tf.LayersModel): Forward {
  return (batch) => {
    const x = toTensors(batch);
    const output = model.predict(x);
    const outputs = Array.isArray(output) ? output : [output];
    const values = outputs.map((tensor) => tensor.dataSync() as Float32Array);
    tf.dispose([...x, ...outputs]);
    return values;
  };
}

/** A network tfjs scores, for a model the compiled pass does not reproduce. */
export async function loadTfjsNetwork(artifacts: NetworkArtifacts): Promise<Network> {
  await initTensorflow();
  const model = await deserializeModel(artifacts);
  return { forward: tfjsForward(model), dispose: () => model.dispose() };
}
