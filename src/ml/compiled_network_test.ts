import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { generateCustomers } from "../data/customer_generator.ts";
import { generateTickets } from "../data/ticket_generator.ts";
import { churnInputOf } from "../models/churn/customer_features.ts";
import { churn, type CustomerRow } from "../models/churn/model.ts";
import { type TicketRow, ticketTriage } from "../models/ticket_triage/model.ts";
import { initTensorflow } from "./backend.ts";
import { compileNetwork, tfjsForward } from "./compiled_network.ts";
import type { ModelDefinition } from "./model_definition.ts";

await initTensorflow();

const tickets = generateTickets({ count: 400, seed: 3 }) as unknown as TicketRow[];
const customers = generateCustomers({ count: 400, seed: 3 })
  .map((c) => churnInputOf({ ...c, createdAt: new Date(0) })) as CustomerRow[];

/** Every candidate of the search, with weights drawn large enough to make every unit count. */
function assertParity<Row, Input, Prep>(
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
    const actual = compileNetwork(model)(batch);
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

Deno.test("the compiled ticket-triage network scores like tfjs (linear and hidden candidates)", () => {
  assertParity(ticketTriage, tickets);
});

Deno.test("the compiled churn network scores like tfjs (linear and hidden candidates)", () => {
  assertParity(churn, customers);
});

Deno.test("a layer without a plain kernel is refused by name, not approximated", () => {
  const input = tf.input({ shape: [4, 2] });
  const output = tf.layers.conv1d({ filters: 1, kernelSize: 2, name: "conv" }).apply(input);
  const model = tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });
  assert.throws(() => compileNetwork(model), /layer "conv" \(Conv1D\): no plain forward kernel/);
  model.dispose();
});
