import * as tf from "@tensorflow/tfjs";

/** One model input of a batch, row-major: `width` values per row. */
export interface EncodedInput {
  values: Int32Array | Float32Array;
  width: number;
}

/**
 * A batch encoded for a network, as plain typed arrays (one entry per model input, in the
 * model's input order), so serving can score it without tfjs tensors.
 */
export interface EncodedBatch {
  rows: number;
  inputs: EncodedInput[];
}

/** The batch as tfjs tensors (int32 for index inputs); callers dispose them. */
export function toTensors(batch: EncodedBatch): tf.Tensor[] {
  return batch.inputs.map(({ values, width }) =>
    tf.tensor2d(values, [batch.rows, width], values instanceof Int32Array ? "int32" : "float32")
  );
}
