import { z } from "zod";

/** The two files of tfjs' Layers format: `model.json` (topology + manifest) and the weights. */
export interface NetworkArtifacts {
  modelJson: unknown;
  weights: Uint8Array;
}

/** One layer of a functional model, its inputs resolved to layer names and its weights read. */
export interface LayerSpec {
  name: string;
  className: string;
  config: Record<string, unknown>;
  /** Names of the layers feeding this one, in order. */
  inbound: string[];
  /** The layer's weights in manifest order (a Dense: kernel, bias), row-major. */
  weights: { shape: number[]; values: Float32Array }[];
}

/** A functional model as plain data: layers in topological order, input and output names. */
export interface NetworkSpec {
  layers: LayerSpec[];
  inputs: string[];
  outputs: string[];
}

// `[layer name, node index, tensor index, kwargs?]`, Keras' reference to one tensor.
const TensorRef = z.tuple([z.string(), z.number().int(), z.number().int()]).rest(z.unknown());

const ModelJson = z.object({
  modelTopology: z.object({
    class_name: z.string(),
    config: z.object({
      layers: z.array(z.object({
        name: z.string(),
        class_name: z.string(),
        config: z.record(z.string(), z.unknown()),
        inbound_nodes: z.array(z.array(TensorRef)),
      })),
      input_layers: z.array(TensorRef),
      output_layers: z.array(TensorRef),
    }),
  }),
  weightsManifest: z.array(z.object({
    weights: z.array(z.object({
      name: z.string(),
      shape: z.array(z.number().int().nonnegative()),
      dtype: z.literal("float32"),
    })),
  })),
});

/** Thrown for a `model.json` this reader does not describe exactly (its caller may use tfjs). */
export class UnsupportedNetwork extends Error {}

const onlyFirstTensor = (refs: z.infer<typeof TensorRef>[], what: string) =>
  refs.map(([name, node, tensor]) => {
    if (node !== 0 || tensor !== 0) {
      throw new UnsupportedNetwork(`${what} "${name}": shared layer or multi-output tensor`);
    }
    return name;
  });

function readWeights(manifest: z.infer<typeof ModelJson>["weightsManifest"], bytes: Uint8Array) {
  const specs = manifest.flatMap((group) => group.weights);
  const total = specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
  if (total * 4 !== bytes.byteLength) {
    throw new Error(
      `the weights hold ${bytes.byteLength} bytes; the manifest describes ${total * 4}`,
    );
  }
  // A copy: aligned for Float32Array and independent of the file's buffer.
  const all = new Float32Array(new Uint8Array(bytes).buffer);
  let offset = 0;
  return specs.map(({ name, shape }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = all.subarray(offset, offset + size);
    offset += size;
    return { name, shape, values };
  });
}

/**
 * Reads a tfjs Layers `model.json` and its weights without tfjs: the graph of a functional
 * model and each layer's float32 weights (tfjs names them `<layer>/<weight>`). Throws on
 * a malformed file or weights of the wrong size; {@link UnsupportedNetwork} on a graph
 * shape this reader does not model (sequential models, shared layers).
 */
export function readNetwork({ modelJson, weights }: NetworkArtifacts): NetworkSpec {
  const topology = (modelJson as { modelTopology?: { class_name?: unknown } })?.modelTopology;
  if (topology?.class_name === "Sequential") {
    throw new UnsupportedNetwork("a Sequential model (only functional graphs are compiled)");
  }
  const parsed = ModelJson.safeParse(modelJson);
  if (!parsed.success) {
    throw new Error(`model.json is not a tfjs Layers model: ${z.prettifyError(parsed.error)}`);
  }
  const { modelTopology, weightsManifest } = parsed.data;
  const named = readWeights(weightsManifest, weights);
  const layers = modelTopology.config.layers.map((layer): LayerSpec => {
    if (layer.inbound_nodes.length > 1) {
      throw new UnsupportedNetwork(`layer "${layer.name}": shared layer`);
    }
    return {
      name: layer.name,
      className: layer.class_name,
      config: layer.config,
      inbound: onlyFirstTensor(layer.inbound_nodes[0] ?? [], "input of layer"),
      weights: named.filter((w) => w.name.startsWith(`${layer.name}/`))
        .map(({ shape, values }) => ({ shape, values })),
    };
  });
  const owned = new Set(layers.flatMap((l) => l.weights.map((w) => w.values)));
  const stray = named.find((w) => !owned.has(w.values));
  if (stray) throw new Error(`weight "${stray.name}" belongs to no layer of model.json`);
  return {
    layers,
    inputs: onlyFirstTensor(modelTopology.config.input_layers, "input"),
    outputs: onlyFirstTensor(modelTopology.config.output_layers, "output"),
  };
}
