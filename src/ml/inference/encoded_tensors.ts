import * as tf from "@tensorflow/tfjs";
import type { EncodedBatch } from "../../domain/encoded_batch.ts";

/** The batch as tfjs tensors (int32 for index inputs); callers dispose them. */
export function toTensors(batch: EncodedBatch): tf.Tensor[] {
  return batch.inputs.map(({ values, width }) =>
    tf.tensor2d(values, [batch.rows, width], values instanceof Int32Array ? "int32" : "float32")
  );
}
