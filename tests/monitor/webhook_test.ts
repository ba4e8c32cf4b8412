/**
 * The alert webhook against a real HTTP server on 127.0.0.1: received and signed, retried
 * through failures and hangs, never awaited by the run that raised the alert, and re-sent by
 * the next run (after a restart) when it was given up.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { type DatabaseHandle, findOpenAlert, openDatabase } from "../../src/db/mod.ts";
import {
  type Alerter,
  createAlerter,
  verifyWebhookSignature,
} from "../../src/monitor/alerts/mod.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "../support/logger.ts";
import { calmObservation, driftedObservation } from "../support/observations.ts";
import {
  type ReceivedRequest,
  type Receiver,
  type Respond,
  startReceiver,
} from "../support/webhook_receiver.ts";

const secret = "webhook-secret-for-tests";
const hookPath = "/hooks/T000-secret-path";
const fast = { backoff: { initialMs: 20, maxMs: 80 }, attemptTimeoutMs: 300, attempts: 4 };

/** A database, a receiver answering `respond`, and an alerter posting to it. */
async function setUp(respond: Respond, url?: (receiver: Receiver) => string) {
  const database: DatabaseHandle = await openDatabase({ PGLITE_DIR: "memory://" });
  await database.migrate();
  const receiver = startReceiver(respond);
  const logger = captureLogger();
  const alerterFor = (webhookUrl: string): Alerter =>
    createAlerter({
      db: database.db,
      config: loadConfig({ ALERT_WEBHOOK_URL: webhookUrl, ALERT_WEBHOOK_SECRET: secret }),
      logger,
      delivery: fast,
    });
  const alerter = alerterFor(url?.(receiver) ?? `${receiver.url}${hookPath}`);
  return {
    database,
    receiver,
    logger,
    alerter,
    alerterFor,
    close: async () => {
      await alerter.close();
      await receiver.close();
      await database.close();
    },
  };
}

/** The signature a receiver expects, computed independently of the product's code. */
function expectedSignature(request: ReceivedRequest): string {
  const timestamp = request.headers.get("x-alert-timestamp");
  return `sha256=${
    createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex")
  }`;
}

const ok = () => new Response(null, { status: 204 });

Deno.test("the webhook is received with a valid signature, raise and resolution", async () => {
  const { database, receiver, alerter, close } = await setUp(ok);
  try {
    const { raised } = await alerter.run([driftedObservation()]);
    await alerter.idle();
    assert.equal(receiver.received.length, 1);
    const [request] = receiver.received;
    assert.equal(request.method, "POST");
    assert.equal(request.path, hookPath);
    assert.equal(request.headers.get("content-type"), "application/json");
    assert.equal(request.headers.get("x-alert-id"), raised[0].id);
    const timestamp = Number(request.headers.get("x-alert-timestamp"));
    assert.ok(Math.abs(timestamp - Date.now() / 1000) < 60, "a current Unix time in seconds");
    assert.equal(request.headers.get("x-signature-256"), expectedSignature(request));
    const payload = JSON.parse(request.body);
    assert.deepEqual(Object.keys(payload).sort(), [
      "created_at",
      "details",
      "id",
      "kind",
      "message",
      "model",
      "resolved",
      "severity",
    ]);
    assert.equal(payload.id, raised[0].id);
    assert.equal(payload.kind, "dataset_drift");
    assert.equal(payload.severity, "critical");
    assert.equal(payload.model, "churn");
    assert.equal(payload.resolved, false);
    assert.equal(payload.details.dataset_drift.drifted, 4);
    assert.ok((await findOpenAlert(database.db, "dataset_drift", "churn"))?.deliveredAt);

    // The documented verifier accepts it, and refuses it tampered with.
    const check = {
      secret,
      body: request.body,
      signature: request.headers.get("x-signature-256"),
      timestamp: request.headers.get("x-alert-timestamp"),
    };
    assert.equal(await verifyWebhookSignature(check), true);
    assert.equal(
      await verifyWebhookSignature({ ...check, body: request.body.replace("critical", "warning") }),
      false,
    );

    await alerter.run([calmObservation()]);
    await alerter.idle();
    assert.equal(receiver.received.length, 2);
    const resolution = receiver.received[1];
    assert.equal(resolution.headers.get("x-signature-256"), expectedSignature(resolution));
    const resolved = JSON.parse(resolution.body);
    assert.equal(resolved.id, raised[0].id);
    assert.equal(resolved.resolved, true);
    assert.ok(Date.parse(resolved.resolved_at) >= Date.parse(resolved.created_at));
    assert.equal(resolution.headers.get("x-alert-event"), "resolved");
    assert.equal(await alerter.redeliver(), 0, "the resolution is stamped delivered");
  } finally {
    await close();
  }
});

Deno.test("the run raising an alert returns before the webhook server answers", async () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => open = resolve);
  const { receiver, alerter, close } = await setUp(async () => (await gate, ok()));
  try {
    const { raised } = await alerter.run([driftedObservation()]);
    assert.equal(raised.length, 1);
    await receiver.waitFor(1);
    assert.equal(receiver.answered, 0, "the run returned while the webhook is unanswered");
    open();
    await alerter.idle();
    assert.equal(receiver.answered, 1);
  } finally {
    open();
    await close();
  }
});

Deno.test("a webhook answering 500 twice is retried and delivered", async () => {
  const { database, receiver, alerter, close } = await setUp((_, index) =>
    new Response("busy", { status: index < 2 ? 500 : 200 })
  );
  try {
    await alerter.run([driftedObservation()]);
    await alerter.idle();
    assert.equal(receiver.received.length, 3);
    assert.equal(new Set(receiver.received.map((r) => r.body)).size, 1, "the same body each time");
    for (const request of receiver.received) {
      assert.equal(request.headers.get("x-signature-256"), expectedSignature(request));
    }
    assert.ok((await findOpenAlert(database.db, "dataset_drift", "churn"))?.deliveredAt);
  } finally {
    await close();
  }
});

Deno.test("a webhook that hangs is abandoned at the attempt's timeout and retried", async () => {
  const { database, receiver, alerter, close } = await setUp((_, index, self) =>
    index === 0 ? self.hang() : ok()
  );
  try {
    await alerter.run([driftedObservation()]);
    await alerter.idle();
    assert.equal(receiver.received.length, 2);
    assert.ok((await findOpenAlert(database.db, "dataset_drift", "churn"))?.deliveredAt);
  } finally {
    await close();
  }
});

Deno.test("a webhook given up is left undelivered and re-sent by the next run after a restart", async () => {
  // Nothing listens at the first URL: Deno's connection error quotes the whole URL.
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const deadUrl = `http://127.0.0.1:${listener.addr.port}${hookPath}`;
  listener.close();
  const { database, receiver, logger, alerter, alerterFor, close } = await setUp(ok, () => deadUrl);
  const restarted = alerterFor(`${receiver.url}${hookPath}`);
  try {
    await alerter.run([driftedObservation()]);
    await alerter.idle();
    assert.equal((await findOpenAlert(database.db, "dataset_drift", "churn"))?.deliveredAt, null);
    const gaveUp = logger.lines.filter((line) => line.message === "delivery failed: giving up");
    assert.equal(gaveUp.length, 1);
    assert.equal(gaveUp[0].fields?.attempt, fast.attempts);
    const logs = JSON.stringify(logger.lines);
    assert.ok(
      !logs.includes(secret) && !logs.includes(hookPath),
      "no secret or webhook path logged",
    );

    const { redelivered, raised, open } = await restarted.run([driftedObservation()]);
    assert.equal(redelivered, 1);
    assert.deepEqual([raised.length, open.length], [0, 1], "still open: no second alert");
    await restarted.idle();
    assert.equal(receiver.received.length, 1);
    assert.equal(JSON.parse(receiver.received[0].body).kind, "dataset_drift");
    assert.ok((await findOpenAlert(database.db, "dataset_drift", "churn"))?.deliveredAt);
  } finally {
    await restarted.close();
    await close();
  }
});
