/**
 * The server's monitor: scheduled by MONITOR_INTERVAL, it reports on the champions the
 * registry serves, with the reference statistics loaded with each version (no refetch).
 */
import assert from "node:assert/strict";
import { latestDriftReports } from "../../src/db/mod.ts";
import { LatestReports } from "../../src/monitor/mod.ts";
import { startServerMonitor } from "../../src/server_monitor.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "../support/logger.ts";
import { populationInputs, predictThroughApp } from "../support/population.ts";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const workspace = await trainedWorkspace();

Deno.test("MONITOR_INTERVAL schedules runs on the served champions", async () => {
  const app = await testApp(workspace);
  const latestReports = new LatestReports(app.database.db);
  await predictThroughApp(
    app,
    "churn",
    await populationInputs("churn", { count: 50, seed: 41, drifted: false }),
  );
  assert.ok(app.runtime.registry.champion("churn")?.referenceStats, "loaded with the version");
  const monitor = startServerMonitor(
    loadConfig({ MONITOR_INTERVAL: "1s", MONITOR_WINDOW: "1h" }),
    captureLogger(),
    { database: app.database, registry: app.runtime.registry, latestReports },
  );
  try {
    let reports = await latestDriftReports(app.database.db);
    for (let waited = 0; reports.length < 2 && waited < 15_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      reports = await latestDriftReports(app.database.db);
    }
    const status = Object.fromEntries(
      reports.map((r) => [r.modelName, (r.summary as { status: string }).status]),
    );
    assert.deepEqual(status, { churn: "ok", "ticket-triage": "empty_window" });
    const churn = reports.find((r) => r.modelName === "churn")!;
    assert.equal(churn.modelVersion, workspace.versions.churn);
  } finally {
    await monitor?.stop();
    await app.close();
  }
});
