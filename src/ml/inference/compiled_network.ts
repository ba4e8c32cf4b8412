import type { EncodedBatch } from "../../domain/encoded_batch.ts";
import {
  type LayerSpec,
  type NetworkArtifacts,
  readNetwork,
  UnsupportedNetwork,
} from "./layers_topology.ts";
import {
  type Activation,
  activationNames,
  dense,
  embedding,
  embeddingBag,
  type EmbeddingTable,
  interleaveTables,
} from "./network_kernels.ts";

/** A network's forward pass: per output, the row-major values of the batch. */
export type Forward = (batch: EncodedBatch) => Float32Array[];

/** A network ready to score; `dispose` frees what it holds (tfjs tensors, for the fallback). */
export interface Network {
  forward: Forward;
  dispose(): void;
}

type Kernel = (args: Activation[]) => Activation;

/** A value's shape without the batch axis (`null`: any length), as Keras infers it. */
type Shape = (number | null)[];

const unsupported = (layer: LayerSpec, why: string) =>
  new UnsupportedNetwork(`layer "${layer.name}" (${layer.className}): ${why}`);

function weightsOf(layer: LayerSpec, expected: Shape[]): Float32Array[] {
  const fits = layer.weights.length === expected.length &&
    layer.weights.every((w, i) => w.shape.join() === expected[i].join());
  if (!fits) {
    const list = (shapes: Shape[]) => shapes.map((s) => `[${s}]`).join(", ") || "none";
    throw new Error(
      `layer "${layer.name}": weights ${list(layer.weights.map((w) => w.shape))}, ` +
        `expected ${list(expected)}`,
    );
  }
  return layer.weights.map((w) => w.values);
}

/** An Embedding layer's table, given the model's layers. */
type TableOf = (layer: LayerSpec) => EmbeddingTable;

/**
 * The tables of the Embedding layers, those of one vocabulary looked up by the same indices
 * (one per head of a bag-of-terms model) interleaved into one: scoring then reads one row per
 * term, where separate tables cost a cache miss per head and term on a server whose database
 * evicts them between requests. Built on first use, each layer's weights checked.
 */
function embeddingTables(layers: readonly LayerSpec[]): TableOf {
  const embeddings = layers.filter((layer) => layer.className === "Embedding");
  const sharing = (layer: LayerSpec) => `${layer.inbound.join()}:${layer.config.input_dim}`;
  const built = new Map<LayerSpec, EmbeddingTable>();
  return (layer) => {
    if (!built.has(layer)) {
      const group = embeddings.filter((other) => sharing(other) === sharing(layer));
      const vocabulary = Number(layer.config.input_dim);
      const tables = group.map((member) => {
        const units = Number(member.config.output_dim);
        const [values] = weightsOf(member, [[vocabulary, units]]);
        return { values, units };
      });
      interleaveTables(tables, vocabulary).forEach((table, i) => built.set(group[i], table));
    }
    return built.get(layer)!;
  };
}

/** The kernel of one layer and the shape of its output, from its inputs' shapes. */
function compileLayer(
  layer: LayerSpec,
  inputs: Shape[],
  consumers: LayerSpec[],
  tableOf: TableOf,
): { run: Kernel; shape: Shape } {
  const { config } = layer;
  switch (layer.className) {
    case "Dense": {
      const activation = activationNames.find((name) => name === config.activation);
      if (!activation) throw unsupported(layer, `activation ${config.activation}`);
      const [input] = inputs;
      if (input.length !== 1) throw unsupported(layer, "input is not 2-D");
      const units = Number(config.units);
      const shapes = config.use_bias === false ? [[input[0], units]] : [[input[0], units], [units]];
      // Copies: a view would keep the whole weights buffer alive beside the embeddings' tables.
      const [kernel, bias] = weightsOf(layer, shapes).map((values) => values.slice());
      return { run: ([x]) => dense(x, kernel, bias, units, activation), shape: [units] };
    }
    case "Embedding": {
      if (config.mask_zero) throw unsupported(layer, "mask_zero");
      if (consumers.some((consumer) => consumer.className !== "Dot")) {
        throw unsupported(layer, "only an embedding bag (Embedding into Dot)");
      }
      const units = Number(config.output_dim);
      const table = tableOf(layer);
      return { run: ([x]) => embedding(x, table, units), shape: [...inputs[0], units] };
    }
    case "Dot": {
      const axes = [config.axes].flat();
      const [weights, lookup] = [...inputs].sort((a, b) => a.length - b.length);
      const bag = inputs.length === 2 && weights.length === 1 && lookup.length === 2 &&
        weights[0] === lookup[0];
      if (config.normalize || axes.some((axis) => axis !== 1) || !bag) {
        throw unsupported(layer, "only Dot(axes=1) of weights and an Embedding");
      }
      return { run: ([a, b]) => embeddingBag(a, b), shape: [lookup[1]] };
    }
    case "Dropout":
      return { run: ([x]) => x, shape: inputs[0] };
    default:
      throw unsupported(layer, "no plain forward kernel");
  }
}

/**
 * Compiles a tfjs functional model, read from its files, into a plain-JS forward pass.
 * Scoring one instance through tfjs costs ~0.3 ms of dispatch (bench/RESULTS.md) for a few
 * thousand multiply-adds, and importing tfjs costs ~40 MB; this pass does the same arithmetic
 * directly. Throws {@link UnsupportedNetwork} on any layer or configuration it does not
 * reproduce exactly, so callers can fall back to tfjs; other errors mean bad files.
 */
export function compileNetwork(artifacts: NetworkArtifacts): Network {
  const network = readNetwork(artifacts);
  const shapes = new Map<string, Shape>();
  const steps: { name: string; inputs: string[]; run: Kernel }[] = [];
  const tableOf = embeddingTables(network.layers);
  for (const layer of network.layers) {
    if (layer.className === "InputLayer") {
      const shape = layer.config.batch_input_shape;
      if (!Array.isArray(shape)) throw unsupported(layer, "no batch_input_shape");
      shapes.set(layer.name, shape.slice(1));
      continue;
    }
    const inputs = layer.inbound.map((name) => shapes.get(name));
    if (inputs.some((shape) => !shape)) throw unsupported(layer, "an input defined after it");
    const consumers = network.layers.filter((other) => other.inbound.includes(layer.name));
    const compiled = compileLayer(layer, inputs as Shape[], consumers, tableOf);
    shapes.set(layer.name, compiled.shape);
    steps.push({ name: layer.name, inputs: layer.inbound, run: compiled.run });
  }
  const { inputs: inputNames, outputs: outputNames } = network;
  const forward: Forward = (batch) => {
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
  return { forward, dispose: () => {} };
}
