import * as tf from "@tensorflow/tfjs";
import type { ModelCard, ModelMetrics } from "../ml/model_store.ts";
import type { CatalogEntry } from "../models/catalog.ts";
import { type HeadOutput, headOutput } from "./head_output.ts";

/** A loaded model version ready to score. */
export interface ServedModel {
  name: string;
  version: string;
  entry: CatalogEntry;
  model: tf.LayersModel;
  preprocessing: unknown;
  metrics: ModelMetrics;
  card: ModelCard;
  loadedAt: Date;
}

/** The decision threshold of the model's binary head, if it has one. */
export function decisionThreshold(served: ServedModel): number | undefined {
  return served.metrics.heads.find((head) => head.threshold !== undefined)?.threshold;
}

/**
 * Scores validated inputs. Fully synchronous (encode, predict, read back), so a hot swap
 * can never interleave with a prediction in flight.
 */
export function scoreInstances(served: ServedModel, inputs: readonly unknown[]): HeadOutput[][] {
  const { definition } = served.entry;
  const threshold = decisionThreshold(served);
  const perHead: number[][][] = [];
  tf.tidy(() => {
    const output = served.model.predict(definition.encode(served.preprocessing, inputs));
    for (const tensor of Array.isArray(output) ? output : [output]) {
      const width = tensor.shape[1]!;
      const values = tensor.dataSync();
      perHead.push(
        inputs.map((_, row) => Array.from(values.subarray(row * width, (row + 1) * width))),
      );
    }
  });
  return inputs.map((_, row) =>
    definition.heads.map((head, h) =>
      headOutput(head, perHead[h][row], head.classes.length === 2 ? threshold : undefined)
    )
  );
}
