import * as tf from "@tensorflow/tfjs";
import type { EncodedBatch } from "./encoded_batch.ts";
import { toTensors } from "./encoded_batch.ts";
import {
  type Activation,
  activationNames,
  dense,
  embedding,
  embeddingBag,
} from "./network_kernels.ts";

/** A network's forward pass: per output, the row-major values of the batch. */
export type Forward = (batch: EncodedBatch) => Float32Array[];

type Kernel = (args: Activation[]) => Activation;

const unsupported = (layer: tf.layers.Layer, why: string) =>
  new Error(`layer "${layer.name}" (${layer.getClassName()}): ${why}`);

function kernelOf(layer: tf.layers.Layer): Kernel {
  const config = layer.getConfig();
  const weights = layer.getWeights().map((w) => Float32Array.from(w.dataSync()));
  switch (layer.getClassName()) {
    case "Dense": {
      const activation = activationNames.find((name) => name === config.activation);
      if (!activation) throw unsupported(layer, `activation ${config.activation}`);
      if ((layer.input as tf.SymbolicTensor).shape.length !== 2) {
        throw unsupported(layer, "input is not 2-D");
      }
      const [kernel, bias] = weights;
      const units = Number(config.units);
      return ([x]) => dense(x, kernel, bias, units, activation);
    }
    case "Embedding":
      if (config.maskZero) throw unsupported(layer, "maskZero");
      if (layer.outboundNodes.some((node) => node.outboundLayer.getClassName() !== "Dot")) {
        throw unsupported(layer, "only an embedding bag (Embedding into Dot)");
      }
      return ([x]) => embedding(x, weights[0], Number(config.outputDim));
    case "Dot": {
      const axes = [config.axes].flat();
      const inbound = layer.inboundNodes[0].inboundLayers.map((l) => l.getClassName());
      if (config.normalize || axes.some((axis) => axis !== 1) || !inbound.includes("Embedding")) {
        throw unsupported(layer, "only Dot(axes=1) of weights and an Embedding");
      }
      return ([a, b]) => embeddingBag(a, b);
    }
    case "Dropout":
      return ([x]) => x;
    default:
      throw unsupported(layer, "no plain forward kernel");
  }
}

/**
 * Compiles a tfjs functional model into a plain-JS forward pass. Scoring one instance
 * through tfjs costs ~0.3 ms of dispatch (bench/RESULTS.md) for a few thousand
 * multiply-adds; this pass does the same arithmetic directly. Throws on any layer or
 * configuration it does not reproduce exactly, so callers can fall back to tfjs.
 */
export function compileNetwork(model: tf.LayersModel): Forward {
  const inputNames = model.inputLayers.map((layer) => layer.name);
  const steps: { name: string; inputs: string[]; run: Kernel }[] = [];
  for (const layer of model.layers) {
    if (inputNames.includes(layer.name)) continue;
    const [node, ...more] = layer.inboundNodes;
    if (more.length > 0) throw unsupported(layer, "shared layer");
    if (node.tensorIndices.some((index) => index !== 0)) {
      throw unsupported(layer, "multi-output input");
    }
    steps.push({
      name: layer.name,
      inputs: node.inboundLayers.map((inbound) => inbound.name),
      run: kernelOf(layer),
    });
  }
  const outputNames = model.outputLayers.map((layer) => layer.name);
  return (batch) => {
    const values = new Map<string, Activation>();
    inputNames.forEach((name, i) => {
      const { values: data, width } = batch.inputs[i];
      values.set(name, { data, shape: [batch.rows, width] });
    });
    for (const step of steps) {
      values.set(step.name, step.run(step.inputs.map((input) => values.get(input)!)));
    }
    return outputNames.map((name) => values.get(name)!.data as Float32Array);
  };
}

/** The forward pass through tfjs itself (the reference, and the fallback). */
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
