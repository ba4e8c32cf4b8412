/**
 * Feedback for a prediction whose trace is still queued in the log writer (answered moments
 * ago, or while the database was away): the route waits for the queue instead of calling the
 * prediction unknown, and says "retry" when the queue cannot be written.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { assembleApp } from "../../src/app/assemble_app.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import {
  findPrediction,
  logPredictions,
  type PredictionLogEntry,
} from "../../src/db/repositories/predictions.ts";
import { readPointer, writePointer } from "../../src/gitops/pointer.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { workspaceSource } from "../support/workspace_source.ts";
import { seedCustomer } from "../support/payloads.ts";
import { postJson } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const workspace = await trainedWorkspace();

/**
 * The app over an in-memory database, with a log writer that holds every entry until flushed
 * and cannot flush while `down`; `pointerPath` pins the models.
 */
async function appWithHeldLog(pointerPath = workspace.pointerPath) {
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  await database.migrate();
  const queued: PredictionLogEntry[] = [];
  const state = { down: false };
  const sink = {
    enqueue: (entry: PredictionLogEntry) => void queued.push(entry),
    flush: async () => {
      if (state.down) throw new Error("database away");
      await logPredictions(database.db, queued.splice(0));
    },
  };
  const { app } = await assembleApp(
    loadConfig({ MODEL_POINTER_PATH: pointerPath }),
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
  return { database, queued, state, predictChurn, feedback };
}

Deno.test("feedback waits for a prediction still queued, and asks for a retry when it stays queued", async () => {
  const { database, queued, state, predictChurn, feedback } = await appWithHeldLog();
  try {
    const queuedId = await predictChurn();
    assert.equal(queued.length, 1);
    const stored = await feedback(queuedId);
    assert.equal(stored.status, 201);
    assert.equal((await stored.json()).prediction_id, queuedId);
    assert.equal(queued.length, 0, "the wait wrote the queue");

    state.down = true;
    const stuck = await feedback(await predictChurn());
    assert.equal(stuck.status, 503);
    assert.equal((await stuck.json()).error.code, "prediction_log_pending");

    state.down = false;
    const unknown = await feedback(crypto.randomUUID());
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, "not_found");
  } finally {
    await database.close();
  }
});

Deno.test("feedback right after a prediction finds it while a challenger still scores it", async () => {
  const pointerPath = join(workspace.root, "gitops/overlays/challenger/model-pointer.yaml");
  const pointer = (await readPointer(workspace.pointerPath))!;
  pointer.models.churn.challenger = workspace.versions.churn;
  await writePointer(pointerPath, pointer);
  const { database, queued, predictChurn, feedback } = await appWithHeldLog(pointerPath);
  try {
    const predictionId = await predictChurn();
    assert.equal(queued.length, 0, "the trace waits for the challenger, after the response");
    const stored = await feedback(predictionId);
    assert.equal(stored.status, 201);
    const logged = await findPrediction(database.db, predictionId);
    assert.deepEqual(logged?.outputs.map((o) => o.role).sort(), ["challenger", "champion"]);
  } finally {
    await database.close();
  }
});
