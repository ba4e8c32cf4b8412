/**
 * A webhook that hangs never delays a prediction: the app answers while the alert's
 * delivery is still waiting on the receiver, in the same process.
 */
import assert from "node:assert/strict";
import { findOpenAlert } from "../../src/db/mod.ts";
import { createAlerter } from "../../src/monitor/alerts/mod.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "../support/logger.ts";
import { driftedObservation } from "../support/observations.ts";
import { seedCustomer } from "../support/payloads.ts";
import { postJson, testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { startReceiver } from "../support/webhook_receiver.ts";

const workspace = await trainedWorkspace();

Deno.test("a prediction completes while the alert webhook hangs", async () => {
  const { app, database, close } = await testApp(workspace);
  const receiver = startReceiver((_, __, self) => self.hang());
  const alerter = createAlerter({
    db: database.db,
    config: loadConfig({
      ALERT_WEBHOOK_URL: `${receiver.url}/hook`,
      ALERT_WEBHOOK_SECRET: "webhook-secret-for-tests",
    }),
    logger: captureLogger(),
    // Long enough that the delivery is certainly still pending when the prediction is done.
    delivery: { attemptTimeoutMs: 60_000 },
  });
  try {
    const { raised } = await alerter.run([driftedObservation("churn", workspace.versions.churn)]);
    assert.equal(raised.length, 1);
    await receiver.waitFor(1);

    const started = performance.now();
    const response = await app.request("/v1/models/churn/predict", postJson(seedCustomer));
    const elapsedMs = performance.now() - started;
    assert.equal(response.status, 200);
    assert.equal(typeof (await response.json()).prediction_id, "string");

    // Deterministic: the prediction is answered while the webhook request is still open.
    assert.equal(receiver.answered, 0, "the webhook is still unanswered");
    const alert = await findOpenAlert(database.db, "dataset_drift", "churn");
    assert.equal(alert?.deliveredAt, null, "its delivery is still pending");
    assert.ok(elapsedMs < 60_000, `answered in ${elapsedMs.toFixed(0)} ms, not after the timeout`);
  } finally {
    await alerter.close();
    await receiver.close();
    await close();
  }
});
