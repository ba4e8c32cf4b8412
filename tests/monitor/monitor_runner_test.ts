/**
 * The monitor end to end on PGlite: populations from the pipeline's generator predicted
 * through the real app, one run, the stored report and the alerts (webhook signed).
 */
import assert from "node:assert/strict";
import { findDriftReport, findOpenAlert } from "../../src/db/mod.ts";
import { referenceStatsFileName, workspaceVersionFile } from "../../src/ml/version_files.ts";
import { verifyWebhookSignature } from "../../src/monitor/alerts/mod.ts";
import { reportHtml } from "../../src/monitor/mod.ts";
import { type MonitorHarness, withMonitor as withHarness } from "../support/monitor_harness.ts";
import { populationInputs, predictThroughApp } from "../support/population.ts";
import { postJson } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const workspace = await trainedWorkspace();
const secret = "monitor-webhook-secret";
const [drifted, baseline, tickets] = await Promise.all([
  populationInputs("churn", { count: 300, seed: 21, drifted: true }),
  populationInputs("churn", { count: 300, seed: 22, drifted: false }),
  populationInputs("ticket-triage", { count: 200, seed: 23, drifted: false }),
]);
const withMonitor = (body: (harness: MonitorHarness) => Promise<void>) =>
  withHarness(workspace, secret, body);

Deno.test("the drifted population raises a signed dataset-drift alert", async () => {
  await withMonitor(async ({ app, flush, database, receiver, alerter, run }) => {
    await predictThroughApp({ app, flush }, "churn", drifted);
    const [result] = await run();
    assert.equal(result.status, "ok");
    assert.equal(result.requests, drifted.length);
    assert.equal(result.driftDetected, true, `drifted: ${result.driftedColumns}`);
    assert.ok(result.driftedColumns.includes("monthly_charges"));
    const alert = await findOpenAlert(database.db, "dataset_drift", "churn");
    assert.equal((alert?.details as { report_id?: string })?.report_id, result.reportId);

    await receiver.waitFor(1);
    await alerter.idle();
    // Prediction drift may be delivered too, in any order.
    const request = receiver.received.find((r) => JSON.parse(r.body).kind === "dataset_drift");
    assert.ok(request, "the dataset-drift alert reached the webhook");
    assert.equal(
      await verifyWebhookSignature({
        secret,
        body: request.body,
        signature: request.headers.get("x-signature-256"),
        timestamp: request.headers.get("x-alert-timestamp"),
      }),
      true,
    );
  });
});

Deno.test("the baseline population raises no drift alert; no feedback is said, not alerted", async () => {
  await withMonitor(async ({ app, flush, database, run }) => {
    await predictThroughApp({ app, flush }, "churn", baseline);
    await predictThroughApp({ app, flush }, "ticket-triage", tickets);
    const [result, ticketRun] = await run({
      models: ["churn", "ticket-triage"].map((name) => ({
        name,
        version: workspace.versions[name],
      })),
    });
    assert.equal(ticketRun.status, "ok");
    // Stored without the vocabulary, the comparison is still drawn with its OOV columns.
    const ticketReport = (await findDriftReport(database.db, ticketRun.reportId))!.report;
    const stats = ticketReport.stats as { reference: { vocabulary: string[] } };
    assert.deepEqual(stats.reference.vocabulary, []);
    assert.match(reportHtml(ticketReport, "tickets"), /body\.oov_share/);
    assert.equal(ticketRun.requests, tickets.length);
    assert.equal(ticketRun.driftDetected, false, `drifted: ${ticketRun.driftedColumns}`);
    assert.deepEqual(ticketRun.accuracy, { topic: null, urgency: null });
    assert.equal(result.status, "ok");
    assert.equal(result.driftDetected, false, `drifted: ${result.driftedColumns}`);
    assert.equal(await findOpenAlert(database.db, "dataset_drift", "churn"), undefined);
    assert.equal(await findOpenAlert(database.db, "accuracy_below_threshold", "churn"), undefined);
    const stored = await findDriftReport(database.db, result.reportId);
    const report = stored!.report as Record<string, Record<string, unknown>>;
    assert.equal(report.summary.no_feedback, true);
    assert.deepEqual(report.quality.churn, { head: "churn", status: "no_feedback", n: 0 });
    assert.deepEqual(report.observation.accuracy, { noFeedback: true });
    assert.equal(typeof report.summary.latency_p99_ms, "number");
  });
});

Deno.test("feedback below the accuracy threshold raises an accuracy alert", async () => {
  await withMonitor(async ({ app, flush, database, logged, run }) => {
    await predictThroughApp({ app, flush }, "churn", baseline.slice(0, 40));
    for (const { request, outputs } of logged) {
      // Every answer marked wrong: accuracy 0, below the default threshold of 0.8.
      const label = outputs[0].label === "1" ? "0" : "1";
      const response = await app.request(
        "/v1/feedback",
        postJson({ prediction_id: request.id, label }),
      );
      assert.equal(response.status, 201, await response.text());
    }
    const [result] = await run();
    assert.deepEqual(result.accuracy, { churn: 0 });
    const alert = await findOpenAlert(database.db, "accuracy_below_threshold", "churn");
    assert.ok(alert, "an accuracy alert is open");
  });
});

Deno.test("an empty window, a single row and a version without reference statistics", async () => {
  await withMonitor(async ({ app, flush, database, run }) => {
    const [empty] = await run();
    assert.equal(empty.status, "empty_window");
    assert.equal(empty.driftDetected, false);
    assert.equal(empty.driftShare, 0);
    const stored = await findDriftReport(database.db, empty.reportId);
    assert.equal((stored!.report as { status: string }).status, "empty_window");

    await predictThroughApp({ app, flush }, "churn", baseline.slice(0, 1));
    const [single] = await run();
    assert.equal(single.status, "ok");
    assert.equal(single.requests, 1);

    const readVersionFile = workspaceVersionFile(workspace.root);
    const [old] = await run({
      readVersionFile: (name, version, file) =>
        file === referenceStatsFileName
          ? Promise.resolve(undefined)
          : readVersionFile(name, version, file),
    });
    assert.equal(old.status, "no_reference");
    const oldReport = await findDriftReport(database.db, old.reportId);
    assert.equal(
      (oldReport!.report as { summary: { message: string } }).summary.message,
      "no reference statistics",
    );
  });
});
