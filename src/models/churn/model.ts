import * as tf from "@tensorflow/tfjs";
import type { DatasetSpec } from "../../domain/dataset_spec.ts";
import type { ModelDefinition } from "../../domain/model_definition.ts";
import { churnCodec } from "./codec.ts";
import {
  type ChurnPreprocessing,
  churnVectorWidth,
  fitChurnPreprocessing,
} from "./preprocessing.ts";
import type { ChurnFeatures } from "./schema.ts";
import { contractTypes, paymentMethods } from "../../domain/customer.ts";
import { withFeatureDropout } from "./feature_dropout.ts";

/** One labelled customer as exported to `data/customers.jsonl` (or a copy with gaps). */
export interface CustomerRow extends ChurnFeatures {
  id: string;
  churned: 0 | 1;
}

const optionalNumber = (name: string, min: number, max: number, integer = false) =>
  ({ name, kind: "number", min, max, integer }) as const;

const datasetSpec: DatasetSpec = {
  name: "customers",
  idColumn: "id",
  columns: [
    { ...optionalNumber("tenure", 0, 1200, true), required: true },
    { ...optionalNumber("monthly_charges", 0, 100_000), required: true },
    { ...optionalNumber("total_charges", 0, 10_000_000), required: true },
    { name: "contract_type", kind: "category", categories: contractTypes, required: true },
    { name: "payment_method", kind: "category", categories: paymentMethods, required: true },
    optionalNumber("complaints", 0, 1000, true),
    optionalNumber("usage_minutes", 0, 1_000_000),
    optionalNumber("age", 16, 120, true),
    optionalNumber("income", 0, 100_000_000),
    { ...optionalNumber("churned", 0, 1, true), required: true },
  ],
  labels: [{ column: "churned", minPerClass: 50 }],
};

/** The partial payloads clients send: the first seed service's `{ age, income, tenure }`. */
const partialPayloads = [{ name: "age_income_tenure", fields: ["age", "income", "tenure"] }];

const common = { l2: 0, dropout: 0, batchSize: 256, maxEpochs: 60, patience: 2 };

/** The churn model: its codec, a dense network and what training needs. */
export const churn: ModelDefinition<CustomerRow, ChurnFeatures, ChurnPreprocessing> = {
  ...churnCodec,
  datasetSpec,
  augment: (rows, seed) => withFeatureDropout(rows, seed, partialPayloads),
  inputSubsets: partialPayloads,
  searchSpace: [
    { ...common, hidden: 0, learningRate: 0.02 },
    { ...common, hidden: 16, learningRate: 0.01 },
  ],
  reference: { ...common, hidden: 0, learningRate: 0.02 },
  labels: (row) => [String(row.churned)],
  inputOf: ({ id: _id, churned: _churned, ...input }) => input,
  fitPreprocessing: (rows) => fitChurnPreprocessing(rows),
  savePreprocessing: (preprocessing) => preprocessing,
  build: (preprocessing, params, seed) => {
    const input = tf.input({ shape: [churnVectorWidth(preprocessing)], name: "features" });
    let x: tf.SymbolicTensor = input;
    if (params.hidden > 0) {
      x = tf.layers.dense({
        units: params.hidden,
        activation: "relu",
        kernelInitializer: tf.initializers.heUniform({ seed: seed + 1 }),
        name: "hidden",
      }).apply(x) as tf.SymbolicTensor;
    }
    const output = tf.layers.dense({
      units: 2,
      activation: "softmax",
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      kernelRegularizer: params.l2 > 0 ? tf.regularizers.l2({ l2: params.l2 }) : undefined,
      name: "churn",
    }).apply(x) as tf.SymbolicTensor;
    return tf.model({ inputs: input, outputs: output, name: "churn" });
  },
};
