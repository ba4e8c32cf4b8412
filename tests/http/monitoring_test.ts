/**
 * `/v1/monitoring/reports` over reports the monitor stored for the app's own predictions:
 * the newest per model, a model's history, one report in each format, the errors, the auth,
 * and the monitoring gauges on `/metrics`.
 */
import assert from "node:assert/strict";
import { workspaceVersionFile } from "../../src/ml/version_files.ts";
import { runMonitor } from "../../src/monitor/mod.ts";
import { populationInputs, predictThroughApp } from "../support/population.ts";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const workspace = await trainedWorkspace();
const inputs = await populationInputs("churn", { count: 80, seed: 31, drifted: false });
const auth = { headers: { authorization: "Bearer monitoring-key" } };

async function withReports(
  body: (ctx: {
    get(path: string): Promise<Response>;
    runs: Awaited<ReturnType<typeof runMonitor>>;
    again(): Promise<string>;
  }) => Promise<void>,
) {
  const app = await testApp(workspace, { API_KEYS: "monitoring-key" });
  try {
    await predictThroughApp(app, "churn", inputs, auth.headers);
    const monitor = () =>
      runMonitor(app.database.db, {
        models: ["churn", "ticket-triage"].map((name) => ({
          name,
          version: workspace.versions[name],
        })),
        readVersionFile: workspaceVersionFile(workspace.root),
        windowMs: 3_600_000,
        end: new Date(Date.now() + 1_000),
      });
    const runs = await monitor();
    await body({
      get: (path) => Promise.resolve(app.app.request(path, auth)),
      runs,
      again: async () => (await monitor())[0].reportId,
    });
  } finally {
    await app.close();
  }
}

Deno.test("the list holds the newest report of each model; ?model= and ?limit= a history", async () => {
  await withReports(async ({ get, runs, again }) => {
    const [churn, tickets] = runs;
    const list = await (await get("/v1/monitoring/reports")).json();
    assert.deepEqual(
      list.reports.map((r: { id: string }) => r.id).sort(),
      [churn.reportId, tickets.reportId].sort(),
    );
    const churnSummary = list.reports.find((r: { model: string }) => r.model === "churn");
    assert.equal(churnSummary.status, "ok");
    assert.equal(churnSummary.version, workspace.versions.churn);
    assert.equal(typeof churnSummary.drift_share, "number");
    assert.ok(Array.isArray(churnSummary.drifted_columns));
    assert.deepEqual(churnSummary.accuracy, { churn: null });
    assert.equal(churnSummary.no_feedback, true);
    const ticketSummary = list.reports.find((r: { model: string }) => r.model === "ticket-triage");
    assert.equal(ticketSummary.status, "empty_window");
    assert.equal(ticketSummary.drift_detected, false);

    const newer = await again();
    const history = await (await get("/v1/monitoring/reports?model=churn&limit=5")).json();
    assert.deepEqual(history.reports.map((r: { id: string }) => r.id), [newer, churn.reportId]);
    const latest = await (await get("/v1/monitoring/reports?model=churn")).json();
    assert.equal(latest.reports[0].id, newer);
    const one = await (await get("/v1/monitoring/reports?limit=1")).json();
    assert.equal(one.reports.length, 1);

    assert.equal((await get("/v1/monitoring/reports?model=nope")).status, 404);
    assert.equal((await get("/v1/monitoring/reports?limit=0")).status, 422);
  });
});

Deno.test("one report: stored JSON, Evidently legacy and snapshot, HTML; the errors", async () => {
  await withReports(async ({ get, runs }) => {
    const [churn, tickets] = runs;
    const stored = await (await get(`/v1/monitoring/reports/${churn.reportId}`)).json();
    for (const key of ["drift", "snapshot", "quality", "observation", "window", "summary"]) {
      assert.ok(key in stored, `the report has ${key}`);
    }
    assert.equal(stored.window.requests, inputs.length);
    const legacy = await get(`/v1/monitoring/reports/${churn.reportId}?format=legacy`);
    assert.deepEqual(await legacy.json(), stored.drift);
    const snapshot = await get(`/v1/monitoring/reports/${churn.reportId}?format=snapshot`);
    assert.deepEqual(await snapshot.json(), stored.snapshot);
    const html = await get(`/v1/monitoring/reports/${churn.reportId}?format=html`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get("content-type") ?? "", /^text\/html/);
    const page = await html.text();
    assert.match(page, /monthly_charges/);
    assert.match(page, /No feedback in this window/);

    const emptyHtml = await get(`/v1/monitoring/reports/${tickets.reportId}?format=html`);
    assert.equal(tickets.status, "empty_window");
    assert.match(await emptyHtml.text(), /empty window/);
    assert.equal(
      (await get(`/v1/monitoring/reports/${tickets.reportId}?format=legacy`)).status,
      404,
    );
    const unknown = await get(`/v1/monitoring/reports/${crypto.randomUUID()}`);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, "not_found");
    assert.equal((await get("/v1/monitoring/reports/not-a-uuid")).status, 422);
    assert.equal((await get(`/v1/monitoring/reports/${churn.reportId}?format=xml`)).status, 422);
  });
});

Deno.test("reports need the API key; /metrics shows the newest report's gauges", async () => {
  await withReports(async ({ get }) => {
    const app = await testApp(workspace, { API_KEYS: "monitoring-key" });
    try {
      assert.equal((await app.app.request("/v1/monitoring/reports")).status, 401);
    } finally {
      await app.close();
    }
    const metrics = await (await get("/metrics")).text();
    assert.match(metrics, /monitoring_drift_share\{model="churn"\} \d/);
    assert.match(metrics, /monitoring_drifted_columns\{model="ticket-triage"\} 0/);
    // No feedback: no accuracy sample rather than a zero.
    assert.doesNotMatch(metrics, /monitoring_production_accuracy\{/);
  });
});
