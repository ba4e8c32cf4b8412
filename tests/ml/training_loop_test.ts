/**
 * The training loop: early stopping watches every head's validation loss, a fit's epochs follow
 * its example budget, and only the heads a model declares get the prior correction.
 */
import assert from "node:assert/strict";
import { initTensorflow } from "../../src/ml/inference/backend.ts";
import {
  disposeEncoded,
  encodeRows,
  epochLimit,
  fitCandidate,
  headLosses,
  predictEncoded,
} from "../../src/ml/training/train.ts";
import { trainAndEvaluate } from "../../src/ml/training/train_and_evaluate.ts";
import { ticketTriage } from "../../src/models/ticket_triage/model.ts";
import { generateTickets } from "../../src/pipeline/synthetic/ticket_generator.ts";
import { ticketRowOf } from "../support/ticket_rows.ts";

await initTensorflow();

const rows = generateTickets({ count: 1200, seed: 5 }).map(ticketRowOf);
const params = { ...ticketTriage.reference, maxEpochs: 3, maxExamples: undefined, patience: 3 };

/** Mean cross-entropy of probabilities against class indices, computed without tfjs. */
function crossEntropy(probabilities: readonly number[][], truth: readonly number[]): number {
  const total = probabilities.reduce(
    (sum, row, i) => sum - Math.log(Math.max(row[truth[i]], 1e-7)),
    0,
  );
  return total / probabilities.length;
}

Deno.test("a fit's validation loss is the sum of every head's cross-entropy", async () => {
  const preprocessing = ticketTriage.fitPreprocessing(rows.slice(0, 1000));
  const train = encodeRows(ticketTriage, preprocessing, rows.slice(0, 1000));
  const validation = encodeRows(ticketTriage, preprocessing, rows.slice(1000));
  const result = await fitCandidate(ticketTriage, preprocessing, params, { train, validation }, {
    seed: 5,
    label: "test",
    quiet: true,
  });
  try {
    const probabilities = predictEncoded(result.model, validation.x);
    const expected = ticketTriage.heads.map((head, h) =>
      crossEntropy(
        probabilities[h],
        rows.slice(1000).map((row) => head.classes.indexOf(ticketTriage.labels(row)[h])),
      )
    );
    const losses = headLosses(result.model, validation);
    losses.forEach((loss, h) => assert.ok(Math.abs(loss - expected[h]) < 1e-4, `head ${h}`));
    const sum = expected[0] + expected[1];
    assert.ok(Math.abs(result.validationLoss - sum) < 1e-4, `${result.validationLoss} vs ${sum}`);
    // Both heads count: the urgency head's loss is far from nothing.
    assert.ok(expected[1] > 0.1, `urgency loss ${expected[1]}`);
  } finally {
    result.model.dispose();
    disposeEncoded(train, validation);
  }
});

Deno.test("the example budget sets a fit's epochs, within maxEpochs", () => {
  const budget = { ...params, maxEpochs: 12, maxExamples: 64_000 };
  assert.equal(epochLimit({ ...params, maxEpochs: 12 }, 64_000), 12);
  assert.equal(epochLimit(budget, 64_000), 1);
  assert.equal(epochLimit(budget, 200_000), 1);
  assert.equal(epochLimit(budget, 16_000), 4);
  assert.equal(epochLimit(budget, 25_000), 3);
  assert.equal(epochLimit(budget, 1_000), 12);
});

Deno.test("only the heads a model declares balanced get the prior correction", async () => {
  const outcome = await trainAndEvaluate(ticketTriage, rows, {
    seed: 5,
    quiet: true,
    maxEpochs: 2,
  });
  try {
    const [topic, urgency] = outcome.evaluations;
    assert.equal(topic.priorCorrection, undefined);
    assert.equal(urgency.priorCorrection?.tau, 1);
    const prior = urgency.priorCorrection?.prior ?? [];
    assert.equal(prior.length, 4);
    assert.ok(Math.abs(prior.reduce((sum, p) => sum + p, 0) - 1) < 1e-9);
  } finally {
    outcome.model.dispose();
  }
});
