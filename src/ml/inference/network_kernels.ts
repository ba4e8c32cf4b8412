/**
 * Forward kernels of the layer kinds the models use, on row-major Float32Arrays. Sums are
 * accumulated in doubles, so results match tfjs's float32 kernels to about 1e-6.
 */

/**
 * A value flowing through the network: row-major data and its shape (batch first). An
 * embedding lookup stays unmaterialised: `data` holds the indices of rows of `table`.
 */
export interface Activation {
  data: Float32Array | Int32Array;
  shape: number[];
  table?: EmbeddingTable;
}

/**
 * An embedding's rows inside a table it may share with embeddings of the same indices: row `i`
 * is `values[i * stride + offset ..][0 .. units)`. Interleaving them makes one lookup read one
 * place in memory for every head instead of one per head.
 */
export interface EmbeddingTable {
  values: Float32Array;
  stride: number;
  offset: number;
}

/** The activations of the models' Dense layers (others are left to tfjs). */
export const activationNames = ["linear", "relu", "softmax"] as const;
export type ActivationName = (typeof activationNames)[number];

function activate(out: Float32Array, width: number, name: ActivationName): void {
  if (name === "relu") { for (let i = 0; i < out.length; i++) out[i] = Math.max(0, out[i]); }
  if (name !== "softmax") return;
  for (let start = 0; start < out.length; start += width) {
    let max = -Infinity;
    for (let j = 0; j < width; j++) max = Math.max(max, out[start + j]);
    let sum = 0;
    for (let j = 0; j < width; j++) sum += Math.exp(out[start + j] - max);
    for (let j = 0; j < width; j++) out[start + j] = Math.exp(out[start + j] - max) / sum;
  }
}

/** `activation(x · kernel + bias)` for x of shape [n, inputs], kernel [inputs, units]. */
export function dense(
  x: Activation,
  kernel: Float32Array,
  bias: Float32Array | undefined,
  units: number,
  activation: ActivationName,
): Activation {
  const [rows, inputs] = x.shape;
  const out = new Float32Array(rows * units);
  for (let r = 0; r < rows; r++) {
    for (let u = 0; u < units; u++) {
      let sum = bias ? bias[u] : 0;
      for (let i = 0; i < inputs; i++) sum += x.data[r * inputs + i] * kernel[i * units + u];
      out[r * units + u] = sum;
    }
  }
  activate(out, units, activation);
  return { data: out, shape: [rows, units] };
}

/** Rows of `table` by index, [n, width] to [n, width, units], lazily. */
export function embedding(indices: Activation, table: EmbeddingTable, units: number): Activation {
  return { data: indices.data, shape: [...indices.shape, units], table };
}

/**
 * One table for embeddings looked up by the same indices: each layer's rows ([vocabulary,
 * units]) side by side in one row per index, in the order given.
 */
export function interleaveTables(
  tables: readonly { values: Float32Array; units: number }[],
  vocabulary: number,
): EmbeddingTable[] {
  const stride = tables.reduce((sum, t) => sum + t.units, 0);
  const values = new Float32Array(vocabulary * stride);
  let offset = 0;
  return tables.map(({ values: rows, units }) => {
    for (let i = 0; i < vocabulary; i++) {
      values.set(rows.subarray(i * units, (i + 1) * units), i * stride + offset);
    }
    offset += units;
    return { values, stride, offset: offset - units };
  });
}

/** Where {@link touchRows} leaves its sum, so the compiler cannot drop the reads. */
let _touched = 0;

/**
 * Reads the first value of each looked-up row and nothing else. These reads do not wait on
 * one another, so their cache misses overlap; the bag's sums, which would otherwise miss one
 * row after another (a server's database evicts the tables between requests), then find the
 * rows in cache.
 */
function touchRows(
  values: Float32Array,
  indices: Float32Array | Int32Array,
  stride: number,
  offset: number,
  count: number,
): void {
  let sum = 0;
  for (let k = 0; k < count; k++) sum += values[indices[k] * stride + offset];
  _touched = sum;
}

/**
 * Keras `Dot(axes=1)` of weights [n, width] and an embedding lookup [n, width, units] (either
 * order): the weighted sum of the looked-up rows, [n, units]. Zero weights (padding) are skipped.
 */
export function embeddingBag(a: Activation, b: Activation): Activation {
  const [weights, lookup] = a.table ? [b, a] : [a, b];
  const [rows, width, units] = lookup.shape;
  const { values, stride, offset } = lookup.table!;
  const out = new Float32Array(rows * units);
  const sum = new Float64Array(units);
  touchRows(values, lookup.data, stride, offset, rows * width);
  for (let r = 0; r < rows; r++) {
    sum.fill(0);
    for (let k = r * width; k < (r + 1) * width; k++) {
      const weight = weights.data[k];
      if (weight === 0) continue;
      const row = lookup.data[k] * stride + offset;
      for (let u = 0; u < units; u++) sum[u] += weight * values[row + u];
    }
    out.set(sum, r * units);
  }
  return { data: out, shape: [rows, units] };
}
