import * as tf from "@tensorflow/tfjs";
import { createRandom } from "../data/random.ts";
import type { Head, Hyperparameters, ModelDefinition } from "./model_definition.ts";
import { epochProgress } from "./progress.ts";

/** A fitted network with the epoch it stopped at and its best validation loss. */
export interface FitResult {
  model: tf.LayersModel;
  params: Hyperparameters;
  epochs: number;
  validationLoss: number;
}

/** Per head, the class index of every row. */
function labelIndices(heads: readonly Head[], labels: readonly string[][]): number[][] {
  return heads.map((head, h) => labels.map((row) => head.classes.indexOf(row[h])));
}

function oneHot(heads: readonly Head[], indices: number[][]): tf.Tensor[] {
  return heads.map((head, h) =>
    tf.tidy(() => tf.oneHot(tf.tensor1d(indices[h], "int32"), head.classes.length))
  );
}

/**
 * Trains one candidate with seeded shuffling and early stopping on validation loss
 * (patience 2; the best epoch's weights are restored). Inputs are encoded once.
 */
export async function fitCandidate<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  preprocessing: Prep,
  params: Hyperparameters,
  data: { train: readonly Row[]; validation: readonly Row[] },
  { seed, label, quiet = false }: { seed: number; label: string; quiet?: boolean },
): Promise<FitResult> {
  const model = definition.build(preprocessing, params, seed);
  model.compile({
    optimizer: tf.train.adam(params.learningRate),
    loss: definition.heads.map(() => "categoricalCrossentropy"),
  });
  const encode = (rows: readonly Row[]) =>
    definition.encode(preprocessing, rows.map(definition.inputOf));
  const trainX = encode(data.train);
  const trainY = oneHot(
    definition.heads,
    labelIndices(definition.heads, data.train.map(definition.labels)),
  );
  const validationX = encode(data.validation);
  const validationY = oneHot(
    definition.heads,
    labelIndices(definition.heads, data.validation.map(definition.labels)),
  );
  const random = createRandom(seed);
  const order = Array.from({ length: data.train.length }, (_, i) => i);
  let best = { loss: Infinity, epoch: 0, weights: [] as tf.Tensor[] };
  try {
    for (let epoch = 1; epoch <= params.maxEpochs; epoch++) {
      const progress = quiet ? undefined : epochProgress(label, epoch, params.maxEpochs);
      const permutation = tf.tensor1d(random.shuffle(order), "int32");
      const x = trainX.map((tensor) => tf.gather(tensor, permutation));
      const y = trainY.map((tensor) => tf.gather(tensor, permutation));
      permutation.dispose();
      const batches = Math.ceil(data.train.length / params.batchSize);
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
      const validationLoss = tf.tidy(() => {
        const losses = model.evaluate(validationX, validationY, { batchSize: 1024 }) as tf.Scalar[];
        return (Array.isArray(losses) ? losses[0] : losses).dataSync()[0];
      });
      const trainLoss = Number(history.history.loss[0]);
      progress?.end(`loss ${trainLoss.toFixed(4)} val_loss ${validationLoss.toFixed(4)}`);
      if (validationLoss < best.loss - 1e-4) {
        tf.dispose(best.weights);
        best = { loss: validationLoss, epoch, weights: model.getWeights().map((w) => w.clone()) };
      } else if (epoch - best.epoch >= 2) {
        break;
      }
    }
    model.setWeights(best.weights);
    return { model, params, epochs: best.epoch, validationLoss: best.loss };
  } finally {
    tf.dispose([...trainX, ...trainY, ...validationX, ...validationY, ...best.weights]);
  }
}

/** Class probabilities per head (outer), per row (middle), per class (inner). */
export function predictProbabilities<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  preprocessing: Prep,
  model: tf.LayersModel,
  inputs: readonly Input[],
): number[][][] {
  const perHead: number[][][] = definition.heads.map(() => []);
  for (let start = 0; start < inputs.length; start += 2048) {
    tf.tidy(() => {
      const x = definition.encode(preprocessing, inputs.slice(start, start + 2048));
      const output = model.predict(x);
      const outputs = Array.isArray(output) ? output : [output];
      outputs.forEach((tensor, h) => perHead[h].push(...(tensor.arraySync() as number[][])));
    });
  }
  return perHead;
}
