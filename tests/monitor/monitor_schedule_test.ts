/**
 * The server's schedule: runs one at a time on the interval, stops cleanly; the `/metrics`
 * cache reads the newest reports at most every maximum age and keeps its values when the
 * database fails; no schedule without MONITOR_INTERVAL.
 */
import assert from "node:assert/strict";
import { workspaceVersionFile } from "../../src/ml/version_files.ts";
import {
  LatestReports,
  type ModelRun,
  runMonitor,
  scheduleMonitor,
} from "../../src/monitor/mod.ts";
import { startServerMonitor } from "../../src/server_monitor.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "../support/logger.ts";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const workspace = await trainedWorkspace();
const models = [{ name: "churn", version: workspace.versions.churn }];

Deno.test("scheduled runs never overlap and stop with the schedule", async () => {
  const { database, runtime, close } = await testApp(workspace);
  const read = workspaceVersionFile(workspace.root);
  let inFlight = 0, maxInFlight = 0;
  const runs: ModelRun[][] = [];
  let third!: () => void;
  const thirdRun = new Promise<void>((resolve) => third = resolve);
  const schedule = scheduleMonitor({
    intervalMs: 10,
    windowMs: 3_600_000,
    database: () => Promise.resolve(database.db),
    models: () => models,
    // Slower than the interval: a run still going when the next is due.
    readVersionFile: async (name, version, file) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 40));
      inFlight--;
      return read(name, version, file);
    },
    logger: captureLogger(),
    onRun: (result) => {
      if (runs.push(result) === 3) third();
    },
  });
  try {
    await thirdRun;
  } finally {
    await schedule.stop();
  }
  const stoppedAt = runs.length;
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(runs.length, stoppedAt, "no run after stop");
  // Two files a run are read together; never two runs.
  assert.ok(maxInFlight <= 2, `at most one run at a time (${maxInFlight} reads at once)`);
  assert.equal(runs[0][0].status, "empty_window");
  assert.equal(
    startServerMonitor(loadConfig({}), captureLogger(), {
      database,
      registry: runtime.registry,
      latestReports: new LatestReports(database.db),
    }),
    undefined,
    "no MONITOR_INTERVAL, no schedule",
  );
  await close();
});

Deno.test("the gauges' cache reads at most every max age and keeps its values on errors", async () => {
  const { database, close } = await testApp(workspace);
  let now = 0;
  const latest = new LatestReports(database.db, 60_000, () => now);
  try {
    assert.deepEqual(await latest.current(), []);
    const [run] = await runMonitor(database.db, {
      models,
      readVersionFile: workspaceVersionFile(workspace.root),
      windowMs: 60_000,
    });
    assert.deepEqual(await latest.current(), [], "fresh for 60 s");
    now += 60_000;
    assert.deepEqual((await latest.current()).map((r) => r.id), [run.reportId]);
  } finally {
    await close();
  }
  now += 60_000;
  // The database is closed: the read fails and the last values stay.
  assert.deepEqual((await latest.current()).length, 1);
});
