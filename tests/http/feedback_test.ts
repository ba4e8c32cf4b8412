/**
 * Feedback for a prediction whose trace is still queued in the log writer (answered moments
 * ago, or while the database was away): the route waits for the queue instead of calling the
 * prediction unknown, and says "retry" when the queue cannot be written.
 */
import assert from "node:assert/strict";
import { assembleApp } from "../../src/app/assemble_app.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { logPredictions, type PredictionLogEntry } from "../../src/db/repositories/predictions.ts";
import { createLogger } from "../../src/logger.ts";
import { workspaceSource } from "../../src/serving/workspace_source.ts";
import { seedCustomer } from "../support/payloads.ts";
import { postJson } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const workspace = await trainedWorkspace();

Deno.test("feedback waits for a prediction still queued, and asks for a retry when it stays queued", async () => {
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  await database.migrate();
  // A log writer that holds every entry until flushed, and cannot flush while `down`.
  const queued: PredictionLogEntry[] = [];
  let down = false;
  const sink = {
    enqueue: (entry: PredictionLogEntry) => void queued.push(entry),
    flush: async () => {
      if (down) throw new Error("database away");
      await logPredictions(database.db, queued.splice(0));
    },
  };
  const { app } = await assembleApp(
    loadConfig({ MODEL_POINTER_PATH: workspace.pointerPath }),
    database,
    createLogger("error"),
    workspaceSource(workspace.root),
    sink,
  );
  const predictChurn = async () =>
    (await (await app.request("/v1/models/churn/predict", postJson(seedCustomer))).json())
      .prediction_id as string;
  const feedback = (predictionId: string) =>
    app.request("/v1/feedback", postJson({ prediction_id: predictionId, label: 1 }));
  try {
    const queuedId = await predictChurn();
    assert.equal(queued.length, 1);
    const stored = await feedback(queuedId);
    assert.equal(stored.status, 201);
    assert.equal((await stored.json()).prediction_id, queuedId);
    assert.equal(queued.length, 0, "the wait wrote the queue");

    down = true;
    const stuck = await feedback(await predictChurn());
    assert.equal(stuck.status, 503);
    assert.equal((await stuck.json()).error.code, "prediction_log_pending");

    down = false;
    const unknown = await feedback(crypto.randomUUID());
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, "not_found");
  } finally {
    await database.close();
  }
});
