import * as tf from "@tensorflow/tfjs";
import { createRandom } from "../random.ts";
import { toTensors } from "../inference/encoded_tensors.ts";
import type { Head } from "../../domain/model_codec.ts";
import type { Hyperparameters, ModelDefinition } from "../../domain/model_definition.ts";
import { epochProgress } from "./progress.ts";

/** A fitted network with the epoch it stopped at and its best validation loss. */
export interface FitResult {
  model: tf.LayersModel;
  params: Hyperparameters;
  epochs: number;
  validationLoss: number;
}

/** Rows turned into model inputs and one-hot labels once, shared by every candidate. */
export interface EncodedRows {
  x: tf.Tensor[];
  y: tf.Tensor[];
  size: number;
}

function oneHotLabels(heads: readonly Head[], labels: readonly string[][]): tf.Tensor[] {
  return heads.map((head, h) =>
    tf.tidy(() =>
      tf.oneHot(
        tf.tensor1d(labels.map((row) => head.classes.indexOf(row[h])), "int32"),
        head.classes.length,
      )
    )
  );
}

/** Encodes rows and their labels; dispose with {@link disposeEncoded}. */
export function encodeRows<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  preprocessing: Prep,
  rows: readonly Row[],
): EncodedRows {
  return {
    x: toTensors(definition.encode(preprocessing, rows.map(definition.inputOf))),
    y: oneHotLabels(definition.heads, rows.map(definition.labels)),
    size: rows.length,
  };
}

/** Frees the tensors of {@link encodeRows}. */
export function disposeEncoded(...encoded: EncodedRows[]): void {
  for (const { x, y } of encoded) tf.dispose([...x, ...y]);
}

/**
 * Each head's mean cross-entropy on encoded rows. Computed here rather than by `model.evaluate`,
 * which in tfjs 4.22 returns running sums for a model of several outputs: its first value is the
 * first head's loss alone, so early stopping would have watched one head.
 */
export function headLosses(model: tf.LayersModel, rows: EncodedRows): number[] {
  return tf.tidy(() => {
    const output = model.predict(rows.x, { batchSize: 2048 });
    return (Array.isArray(output) ? output : [output]).map((probabilities, h) =>
      tf.metrics.categoricalCrossentropy(rows.y[h], probabilities).mean().dataSync()[0]
    );
  });
}

/** The epochs a fit may run: `maxEpochs`, lowered to `maxExamples` over the rows when set. */
export function epochLimit(params: Hyperparameters, trainingRows: number): number {
  if (params.maxExamples === undefined) return params.maxEpochs;
  const budget = Math.max(1, Math.round(params.maxExamples / trainingRows));
  return Math.min(params.maxEpochs, budget);
}

/**
 * Trains one candidate with seeded shuffling for at most {@link epochLimit} epochs, stopping early
 * on the validation loss, the sum of the heads' (`params.patience`; the best epoch's weights are
 * restored). An aborted `signal` stops it at the next epoch.
 */
export async function fitCandidate<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  preprocessing: Prep,
  params: Hyperparameters,
  data: { train: EncodedRows; validation: EncodedRows },
  { seed, label, quiet = false, signal }: {
    seed: number;
    label: string;
    quiet?: boolean;
    signal?: AbortSignal;
  },
): Promise<FitResult> {
  const model = definition.build(preprocessing, params, seed);
  model.compile({
    optimizer: tf.train.adam(params.learningRate),
    loss: definition.heads.map(() => "categoricalCrossentropy"),
  });
  const random = createRandom(seed);
  const order = Array.from({ length: data.train.size }, (_, i) => i);
  const epochs = epochLimit(params, data.train.size);
  let best = { loss: Infinity, epoch: 0, weights: [] as tf.Tensor[] };
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      if (signal?.aborted) {
        model.dispose();
        signal.throwIfAborted();
      }
      const progress = quiet ? undefined : epochProgress(label, epoch, epochs);
      const permutation = tf.tensor1d(random.shuffle(order), "int32");
      const x = data.train.x.map((tensor) => tf.gather(tensor, permutation));
      const y = data.train.y.map((tensor) => tf.gather(tensor, permutation));
      permutation.dispose();
      const batches = Math.ceil(data.train.size / params.batchSize);
      const history = await model.fit(x, y, {
        batchSize: params.batchSize,
        epochs: 1,
        shuffle: false,
        verbose: 0,
        callbacks: {
          onBatchEnd: (batch, logs) => progress?.batch(batch + 1, batches, logs?.loss ?? 0),
        },
      });
      tf.dispose([...x, ...y]);
      const validationLoss = headLosses(model, data.validation).reduce((sum, l) => sum + l, 0);
      const trainLoss = Number(history.history.loss[0]);
      progress?.end(`loss ${trainLoss.toFixed(4)} val_loss ${validationLoss.toFixed(4)}`);
      if (validationLoss < best.loss - 1e-4) {
        tf.dispose(best.weights);
        best = { loss: validationLoss, epoch, weights: model.getWeights().map((w) => w.clone()) };
      } else if (epoch - best.epoch >= params.patience) {
        break;
      }
    }
    model.setWeights(best.weights);
    return { model, params, epochs: best.epoch, validationLoss: best.loss };
  } finally {
    tf.dispose(best.weights);
  }
}

/** Class probabilities of encoded inputs: per head (outer), row, class (inner). */
export function predictEncoded(model: tf.LayersModel, x: tf.Tensor[]): number[][][] {
  return tf.tidy(() => {
    const output = model.predict(x, { batchSize: 2048 });
    return (Array.isArray(output) ? output : [output]).map((t) => t.arraySync() as number[][]);
  });
}

/** Class probabilities of raw inputs, encoded in chunks. */
export function predictProbabilities<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  preprocessing: Prep,
  model: tf.LayersModel,
  inputs: readonly Input[],
): number[][][] {
  const perHead: number[][][] = definition.heads.map(() => []);
  for (let start = 0; start < inputs.length; start += 2048) {
    const x = toTensors(definition.encode(preprocessing, inputs.slice(start, start + 2048)));
    predictEncoded(model, x).forEach((rows, h) => perHead[h].push(...rows));
    tf.dispose(x);
  }
  return perHead;
}
