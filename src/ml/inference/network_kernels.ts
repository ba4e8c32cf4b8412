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
  table?: Float32Array;
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

/** Rows of `table` ([vocabulary, units]) by index, [n, width] to [n, width, units], lazily. */
export function embedding(indices: Activation, table: Float32Array, units: number): Activation {
  return { data: indices.data, shape: [...indices.shape, units], table };
}

/**
 * Keras `Dot(axes=1)` of weights [n, width] and an embedding lookup [n, width, units] (either
 * order): the weighted sum of the looked-up rows, [n, units]. Zero weights (padding) are skipped.
 */
export function embeddingBag(a: Activation, b: Activation): Activation {
  const [weights, lookup] = a.table ? [b, a] : [a, b];
  const [rows, width, units] = lookup.shape;
  const table = lookup.table!;
  const out = new Float32Array(rows * units);
  const sum = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    sum.fill(0);
    for (let k = r * width; k < (r + 1) * width; k++) {
      const weight = weights.data[k];
      if (weight === 0) continue;
      const row = lookup.data[k] * units;
      for (let u = 0; u < units; u++) sum[u] += weight * table[row + u];
    }
    out.set(sum, r * units);
  }
  return { data: out, shape: [rows, units] };
}
