/**
 * RETRAIN_ON_ALERT=github: a raised dataset-drift or accuracy alert sends one
 * `repository_dispatch` to the GitHub API (here a local server named by GITHUB_API_URL).
 */
import assert from "node:assert/strict";
import { openDatabase } from "../../src/db/mod.ts";
import { createAlerter, type MonitorObservation } from "../../src/monitor/alerts/mod.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "../support/logger.ts";
import { calmObservation, driftedObservation } from "../support/observations.ts";
import { startReceiver } from "../support/webhook_receiver.ts";

const token = "ghp_test-token-never-logged";

Deno.test("a raised drift or accuracy alert sends one repository_dispatch", async () => {
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  await database.migrate();
  // GitHub answers 204; the first dispatch meets a 502 first, and is retried.
  const github = startReceiver((_, index) =>
    new Response(null, { status: index === 0 ? 502 : 204 })
  );
  const logger = captureLogger();
  const alerter = createAlerter({
    db: database.db,
    config: loadConfig({
      RETRAIN_ON_ALERT: "github",
      GITHUB_REPOSITORY: "acme/edge-inference",
      GITHUB_TOKEN: token,
      GITHUB_API_URL: `${github.url}/api/v3`,
    }),
    logger,
    delivery: { backoff: { initialMs: 10, maxMs: 40 } },
  });
  try {
    const { raised } = await alerter.run([driftedObservation("churn", "v4")]);
    await alerter.idle();
    assert.equal(github.received.length, 2, "retried after the 502");
    const [, request] = github.received;
    assert.equal(request.method, "POST");
    assert.equal(request.path, "/api/v3/repos/acme/edge-inference/dispatches");
    assert.equal(request.headers.get("authorization"), `Bearer ${token}`);
    assert.equal(request.headers.get("accept"), "application/vnd.github+json");
    assert.equal(request.headers.get("x-github-api-version"), "2022-11-28");
    assert.equal(request.headers.get("content-type"), "application/json");
    assert.ok(request.headers.get("user-agent"), "GitHub refuses requests without one");
    assert.deepEqual(JSON.parse(request.body), {
      event_type: "retrain",
      client_payload: {
        model: "churn",
        reason: "dataset_drift",
        alert_id: raised[0].id,
        version: "v4",
      },
    });

    // Held open: nothing more. Prediction drift and latency never retrain.
    const noisy: MonitorObservation = {
      ...driftedObservation("churn", "v4"),
      predictionDrift: { detected: true },
      latencyP99Ms: { value: 5_000 },
    };
    assert.equal((await alerter.run([noisy])).raised.length, 2);
    await alerter.idle();
    assert.equal(github.received.length, 2);

    // An accuracy alert raised on another model dispatches with its own reason.
    const inaccurate = {
      ...calmObservation("ticket-triage", "v9"),
      accuracy: { value: 0.4, n: 90 },
    };
    const accuracy = (await alerter.run([inaccurate])).raised[0];
    await alerter.idle();
    assert.equal(github.received.length, 3);
    assert.deepEqual(JSON.parse(github.received[2].body).client_payload, {
      model: "ticket-triage",
      reason: "accuracy_below_threshold",
      alert_id: accuracy.id,
      version: "v9",
    });
    assert.ok(!JSON.stringify(logger.lines).includes(token), "the token is never logged");
  } finally {
    await alerter.close();
    await github.close();
    await database.close();
  }
});
