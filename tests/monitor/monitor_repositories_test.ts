/**
 * The monitor's two repositories on both drivers: the window's requests paged by keyset
 * (rows sharing a millisecond, small pages: each row once, with the champion's outputs
 * only), and drift_reports' newest-per-model and history reads.
 */
import assert from "node:assert/strict";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import {
  insertDriftReport,
  latestDriftReports,
  listDriftReports,
  logPredictions,
  monitoredPredictionPages,
} from "../../src/db/mod.ts";
import { createScratchPostgres } from "../support/postgres.ts";
import { entry } from "../support/prediction_log.ts";

async function suite(open: () => Promise<DatabaseHandle & { drop?(): Promise<void> }>) {
  const database = await open();
  try {
    await database.migrate();
    const db = database.db;
    const at = new Date("2026-01-01T12:00:00.000Z");
    const entries = Array.from(
      { length: 10 },
      (_, i) => entry(i, new Date(at.getTime() + (i % 3))),
    );
    // A challenger's output for one request: never read as the champion's.
    entries[0] = {
      ...entries[0],
      outputs: [...entries[0].outputs, {
        ...entries[0].outputs[0],
        role: "challenger",
        label: "0",
      }],
    };
    await logPredictions(db, entries);
    const window = {
      modelName: "churn",
      modelVersion: "v1",
      start: at,
      end: new Date(at.getTime() + 2),
    };
    const ids: string[] = [];
    for await (const page of monitoredPredictionPages(db, window, 3)) {
      assert.ok(page.length <= 3);
      for (const row of page) {
        ids.push(row.predictionId);
        assert.deepEqual(row.outputs, { churn: { label: "1", confidence: 0.8 } });
        assert.equal(row.latencyMs, 1.5);
        assert.equal(typeof row.input.tenure, "number");
      }
    }
    const expected = entries.filter((_, i) => i % 3 < 2).map((e) => e.request.id);
    assert.deepEqual([...ids].sort(), [...expected].sort(), "each row of the window once");

    const report = (model: string, share: number) => ({
      modelName: model,
      modelVersion: "v1",
      windowStart: at,
      windowEnd: at,
      driftDetected: share >= 0.5,
      driftShare: share,
      report: { summary: { status: "ok", drifted_columns: ["tenure"] }, big: "x".repeat(1000) },
    });
    const first = await insertDriftReport(db, report("churn", 0.1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await insertDriftReport(db, report("churn", 0.6));
    const other = await insertDriftReport(db, report("ticket-triage", 0));
    const latest = await latestDriftReports(db);
    assert.deepEqual(latest.map((r) => r.id).sort(), [second, other].sort());
    const churn = latest.find((r) => r.id === second)!;
    assert.deepEqual(churn.summary, { status: "ok", drifted_columns: ["tenure"] });
    assert.ok(Math.abs(churn.driftShare - 0.6) < 1e-6);
    assert.deepEqual((await listDriftReports(db, "churn", 10)).map((r) => r.id), [second, first]);
    assert.equal((await listDriftReports(db, undefined, 2)).length, 2);
  } finally {
    await database.close();
    await database.drop?.();
  }
}

Deno.test("monitor repositories on PGlite", () =>
  suite(() => openDatabase({ PGLITE_DIR: "memory://" })));

Deno.test("monitor repositories on Postgres through the Neon driver", () =>
  suite(async () => {
    const scratch = await createScratchPostgres();
    return { ...(await openDatabase(scratch.options)), drop: scratch.drop };
  }));
