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
