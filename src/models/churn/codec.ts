import type { ModelCodec } from "../../domain/model_codec.ts";
import {
  type ChurnPreprocessing,
  ChurnPreprocessingSchema,
  churnVector,
  churnVectorWidth,
} from "./preprocessing.ts";
import type { ChurnFeatures } from "./schema.ts";

/**
 * How churn scores a customer, whole or in part: standardised numbers, their missing flags
 * and one-hot categories; softmax over {0, 1}.
 */
export const churnCodec: ModelCodec<ChurnFeatures, ChurnPreprocessing> = {
  name: "churn",
  heads: [{ name: "churn", classes: ["0", "1"] }],
  loadPreprocessing: (json) => ChurnPreprocessingSchema.parse(json),
  encode: (preprocessing, inputs) => {
    const width = churnVectorWidth(preprocessing);
    const values = new Float32Array(inputs.length * width);
    inputs.forEach((input, row) => values.set(churnVector(preprocessing, input), row * width));
    return { rows: inputs.length, inputs: [{ values, width }] };
  },
};
