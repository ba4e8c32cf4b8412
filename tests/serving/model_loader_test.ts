import assert from "node:assert/strict";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { generateCustomers } from "../../src/pipeline/synthetic/customer_generator.ts";
import { writePointer } from "../../src/gitops/pointer.ts";
import type { Logger } from "../../src/shared/logger.ts";
import { initTensorflow } from "../../src/ml/inference/backend.ts";
import { saveVersion } from "../../src/ml/training/model_store.ts";
import type { ModelCard, ModelMetrics } from "../../src/ml/version_files.ts";
import { versionDir } from "../../src/ml/version_files.ts";
import { churnInputOf } from "../../src/models/churn/customer_features.ts";
import { churn, type CustomerRow } from "../../src/models/churn/model.ts";
import { churnVectorWidth } from "../../src/models/churn/preprocessing.ts";
import { syncWithPointer } from "../../src/serving/registry/model_loader.ts";
import { ModelRegistry } from "../../src/serving/registry/model_registry.ts";
import { scoreInstances } from "../../src/serving/registry/served_model.ts";
import { workspaceSource } from "../support/workspace_source.ts";

Deno.test("a network the compiled pass cannot reproduce is scored through tfjs, with a warning", async () => {
  await initTensorflow();
  const root = await Deno.makeTempDir({ prefix: "loader-" });
  const customers = generateCustomers({ count: 300, seed: 5 })
    .map((c) => churnInputOf({ ...c, createdAt: new Date(0) })) as CustomerRow[];
  const preprocessing = churn.fitPreprocessing(customers);
  // A tanh hidden layer: valid tfjs, but no plain kernel for it.
  const input = tf.input({ shape: [churnVectorWidth(preprocessing)], name: "features" });
  const hidden = tf.layers.dense({ units: 4, activation: "tanh", name: "hidden" }).apply(input);
  const output = tf.layers.dense({ units: 2, activation: "softmax", name: "churn" })
    .apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  const version = "v-tanh";
  await saveVersion(versionDir(root, "churn", version), churn, {
    model,
    preprocessing,
    metrics: { name: "churn", version, heads: [] } as ModelMetrics,
    card: { name: "churn", version, data_hash: "test" } as ModelCard,
  });
  const pointerPath = join(root, "model-pointer.yaml");
  await writePointer(pointerPath, { models: { churn: { version } } });

  const warnings: string[] = [];
  const quiet = () => {};
  const logger: Logger = {
    debug: quiet,
    info: quiet,
    warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`),
    error: quiet,
  };
  const registry = new ModelRegistry(["churn"]);
  const swapped = await syncWithPointer({
    registry,
    pointerPath,
    source: workspaceSource(root),
    logger,
    environment: "test",
    recordDeployment: () => Promise.resolve(),
  });
  assert.deepEqual(swapped, [`churn@${version}`]);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /Scoring through tfjs.*layer \\"hidden\\" \(Dense\): activation tanh/);

  const inputs = customers.slice(0, 20).map(churn.inputOf);
  const scored = scoreInstances(registry.champion("churn")!, inputs);
  const expected = (model.predict(
    tf.tensor2d(churn.encode(preprocessing, inputs).inputs[0].values, [20, input.shape[1]!]),
  ) as tf.Tensor).arraySync() as number[][];
  scored.forEach(([head], row) => {
    assert.ok(Math.abs(head.scores["1"] - expected[row][1]) < 1e-6);
  });
  registry.swap("champion", undefined, "churn");
  model.dispose();
  await Deno.remove(root, { recursive: true });
});
