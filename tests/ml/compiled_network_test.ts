import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { generateCustomers } from "../../src/pipeline/synthetic/customer_generator.ts";
import { generateTickets } from "../../src/pipeline/synthetic/ticket_generator.ts";
import { churnInputOf } from "../../src/models/churn/customer_features.ts";
import { churn, type CustomerRow } from "../../src/models/churn/model.ts";
import { type TicketRow, ticketTriage } from "../../src/models/ticket_triage/model.ts";
import { serializeModel } from "../../src/ml/inference/artifact_io.ts";
import { initTensorflow } from "../../src/ml/inference/backend.ts";
import { compileNetwork } from "../../src/ml/inference/compiled_network.ts";
import { UnsupportedNetwork } from "../../src/ml/inference/layers_topology.ts";
import type { ModelDefinition } from "../../src/domain/model_definition.ts";
import { tfjsForward } from "../../src/ml/inference/tfjs_network.ts";

await initTensorflow();

const tickets = generateTickets({ count: 400, seed: 3 }) as unknown as TicketRow[];
const customers = generateCustomers({ count: 400, seed: 3 })
  .map((c) => churnInputOf({ ...c, createdAt: new Date(0) })) as CustomerRow[];

/**
 * Every candidate of the search, compiled from its saved files (as a server reads them),
 * with weights drawn large enough to make every unit count.
 */
async function assertParity<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  rows: Row[],
) {
  const preprocessing = definition.fitPreprocessing(rows);
  const batch = definition.encode(preprocessing, rows.map(definition.inputOf));
  for (const [c, params] of definition.searchSpace.entries()) {
    const model = definition.build(preprocessing, params, 7);
    model.setWeights(
      model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, "float32", c * 100 + i)),
    );
    const expected = tfjsForward(model)(batch);
    const actual = compileNetwork(await serializeModel(model)).forward(batch);
    assert.equal(actual.length, definition.heads.length);
    definition.heads.forEach((head, h) => {
      assert.equal(actual[h].length, rows.length * head.classes.length);
      let worst = 0;
      for (let i = 0; i < actual[h].length; i++) {
        worst = Math.max(worst, Math.abs(actual[h][i] - expected[h][i]));
      }
      assert.ok(
        worst < 1e-5,
        `${definition.name} candidate ${c} head ${head.name}: off by ${worst}`,
      );
    });
    model.dispose();
  }
}

Deno.test("the compiled ticket-triage network scores like tfjs (its linear candidate)", async () => {
  await assertParity(ticketTriage, tickets);
});

Deno.test("the compiled churn network scores like tfjs (linear and hidden candidates)", async () => {
  await assertParity(churn, customers);
});

Deno.test("embedding bags share one table only when they read the same indices", async () => {
  // Two bags over the same indices (interleaved into one table) and one over other indices of
  // a smaller vocabulary (a table of its own), each into a head: all three as tfjs scores them.
  const width = 5;
  const [shared, other] = [0, 1].map((i) =>
    tf.input({ shape: [width], dtype: "int32", name: `indices_${i}` })
  );
  const weights = tf.input({ shape: [width], name: "weights" });
  const bag = (indices: tf.SymbolicTensor, vocabulary: number, units: number, name: string) => {
    const looked = tf.layers.embedding({ inputDim: vocabulary, outputDim: units, name })
      .apply(indices) as tf.SymbolicTensor;
    const summed = tf.layers.dot({ axes: 1 }).apply([weights, looked]) as tf.SymbolicTensor;
    return tf.layers.dense({ units: 2, activation: "softmax" }).apply(summed) as tf.SymbolicTensor;
  };
  const model = tf.model({
    inputs: [shared, other, weights],
    outputs: [bag(shared, 12, 3, "first"), bag(shared, 12, 2, "second"), bag(other, 7, 3, "third")],
  });
  model.setWeights(
    model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, "float32", i)),
  );
  const rows = 4;
  const column = (values: number[]) => ({ values: Int32Array.from(values), width });
  const batch = {
    rows,
    inputs: [
      column(Array.from({ length: rows * width }, (_, i) => (i * 5) % 12)),
      column(Array.from({ length: rows * width }, (_, i) => (i * 3) % 7)),
      { values: Float32Array.from({ length: rows * width }, (_, i) => (i % 4) / 4), width },
    ],
  };
  const expected = tfjsForward(model)(batch);
  const actual = compileNetwork(await serializeModel(model)).forward(batch);
  assert.equal(actual.length, 3);
  actual.forEach((values, head) => {
    values.forEach((value, i) => assert.ok(Math.abs(value - expected[head][i]) < 1e-6));
  });
  model.dispose();
});

Deno.test("a layer without a plain kernel is refused by name, not approximated", async () => {
  const input = tf.input({ shape: [4, 2] });
  const output = tf.layers.conv1d({ filters: 1, kernelSize: 2, name: "conv" }).apply(input);
  const model = tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });
  const artifacts = await serializeModel(model);
  assert.throws(
    () => compileNetwork(artifacts),
    (error) =>
      error instanceof UnsupportedNetwork &&
      /layer "conv" \(Conv1D\): no plain forward kernel/.test(error.message),
  );
  model.dispose();
});

Deno.test("weights that do not match model.json are an error, not a fallback", async () => {
  const model = churn.build(
    churn.fitPreprocessing(customers),
    { ...churn.searchSpace[1] },
    7,
  );
  const { modelJson, weights } = await serializeModel(model);
  assert.throws(
    () => compileNetwork({ modelJson, weights: weights.subarray(4) }),
    (error) =>
      !(error instanceof UnsupportedNetwork) && /the weights hold \d+ bytes/.test(`${error}`),
  );
  const renamed = JSON.parse(JSON.stringify(modelJson).replaceAll('"hidden/', '"other/'));
  assert.throws(() => compileNetwork({ modelJson: renamed, weights }), /belongs to no layer/);
  assert.throws(
    () => compileNetwork({ modelJson: { format: "x" }, weights }),
    /not a tfjs Layers model/,
  );
  model.dispose();
});
