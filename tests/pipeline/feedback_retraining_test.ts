/**
 * Feedback flows back into training: labels sent on `/v1/feedback` for a shifted population
 * (the drifted generator: new tools, more French, more pressure) become training rows of the
 * next snapshot, with their provenance, and the retrained version recovers accuracy on that
 * population. Seeded end to end: the same numbers every run.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { writePointer } from "../../src/gitops/pointer.ts";
import { computeFeatures } from "../../src/pipeline/features.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { exportTrainingSet } from "../../src/pipeline/snapshot.ts";
import { trainModel } from "../../src/pipeline/train.ts";
import { readTrainingRows } from "../../src/pipeline/training_rows.ts";
import { scoreHoldout } from "../../src/ml/training/holdout.ts";
import { readRows } from "../../src/ml/training/dataset.ts";
import { ticketTriage } from "../../src/models/ticket_triage/model.ts";
import { generateTickets } from "../../src/pipeline/synthetic/ticket_generator.ts";
import { openDatabase } from "../../src/db/client.ts";
import { postJson, testApp } from "../support/test_app.ts";
import { ticketRowOf } from "../support/ticket_rows.ts";

const seed = 31;
const baseline = { tickets: 2000, customers: 300, seed, drifted: false };
const shifted = generateTickets({ count: 1300, seed: 77, drifted: true });
const [production, evaluation] = [shifted.slice(0, 900), shifted.slice(900)];

Deno.test("retraining with feedback from a shifted population recovers accuracy on it", async () => {
  const root = await Deno.makeTempDir({ prefix: "feedback-retrain-" });
  const seeded = await openDatabase({ PGLITE_DIR: "memory://" });
  try {
    await seeded.migrate();
    await generate(seeded.db, baseline);
    await computeFeatures(seeded.db);
    await exportTrainingSet(seeded.db, root);
    const options = { seed, maxEpochs: 4, quiet: true, models: [] };
    const first = await trainModel(root, "ticket-triage", options);
    const churn = await trainModel(root, "churn", { ...options, maxEpochs: 1 });
    const pointerPath = join(root, "gitops/overlays/test/model-pointer.yaml");
    await writePointer(pointerPath, {
      models: {
        "ticket-triage": { version: first.version },
        churn: { version: churn.version },
      },
    });

    // Production: the shifted tickets are triaged by the first version; agents send the truth.
    const { app, database, flush, close } = await testApp({
      root,
      pointerPath,
      versions: { "ticket-triage": first.version, churn: churn.version },
    });
    try {
      for (let start = 0; start < production.length; start += 150) {
        const batch = production.slice(start, start + 150);
        const instances = batch.map(({ subject, body, channel }) => ({ subject, body, channel }));
        const response = await app.request(
          "/v1/models/ticket-triage/predict",
          postJson({ instances }),
        );
        assert.equal(response.status, 200);
        const { predictions } = await response.json();
        await flush();
        for (const [i, prediction] of predictions.entries()) {
          for (const head of ["topic", "urgency"] as const) {
            if (prediction[head].label === batch[i][head] && head === "urgency") continue;
            const sent = await app.request(
              "/v1/feedback",
              postJson({ prediction_id: prediction.prediction_id, head, label: batch[i][head] }),
            );
            assert.equal(sent.status, 201);
          }
        }
      }
      // The next snapshot: the same synthetic tickets, plus the feedback as training rows.
      await generate(database.db, baseline);
      await computeFeatures(database.db);
      const retrainRoot = await Deno.makeTempDir({ prefix: "feedback-retrain-next-" });
      try {
        await exportTrainingSet(database.db, retrainRoot);
        const feedbackRows = await readRows(retrainRoot, "feedback_tickets.jsonl");
        assert.equal(feedbackRows.length, production.length);
        const provenance = feedbackRows[0].provenance as Record<string, unknown>;
        assert.equal(provenance.source, "feedback");
        assert.equal(provenance.model_version, first.version);
        assert.ok((provenance.corrected as string[]).includes("topic"));
        // Every feedback row trains; a synthetic row with the very same text (a one-liner both
        // populations wrote) gives way to it.
        const { rows } = await readTrainingRows(retrainRoot, "ticket-triage");
        const ids = new Set(rows.map((row) => row.id));
        assert.ok(feedbackRows.every((row) => ids.has(row.id)));
        const synthetic = rows.length - feedbackRows.length;
        assert.ok(
          synthetic <= baseline.tickets && synthetic > baseline.tickets * 0.97,
          `${synthetic}`,
        );

        const second = await trainModel(retrainRoot, "ticket-triage", options);
        const macroF1 = (trained: typeof first) =>
          scoreHoldout(
            ticketTriage,
            trained.outcome.preprocessing,
            trained.outcome.model,
            evaluation.map(ticketRowOf),
            [undefined, undefined],
          ).map((head) => head.model.macro.f1);
        const [before, after] = [macroF1(first), macroF1(second)];
        const gain = (h: number) => after[h] - before[h];
        assert.ok(gain(0) > 0.05, `topic on the shifted population: ${before[0]} -> ${after[0]}`);
        assert.ok(gain(1) > 0, `urgency on the shifted population: ${before[1]} -> ${after[1]}`);
        second.outcome.model.dispose();
      } finally {
        await Deno.remove(retrainRoot, { recursive: true });
      }
    } finally {
      await close();
    }
    first.outcome.model.dispose();
    churn.outcome.model.dispose();
  } finally {
    await seeded.close();
    await Deno.remove(root, { recursive: true });
  }
});
