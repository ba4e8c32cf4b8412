/**
 * "Kill the database" while predictions are being served: the real Postgres, reached
 * through the Neon driver and a WebSocket-to-TCP proxy, becomes unreachable mid-traffic
 * (the proxy closes, dropping every connection) and comes back on the same port. Every
 * prediction enqueued before, during and after the outage must end up stored.
 */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { startWsProxy, type WsProxy } from "../../scripts/ws_proxy.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import {
  existingPredictionIds,
  logPredictions,
  type PredictionLogEntry,
} from "../../src/db/repositories/predictions.ts";
import { captureLogger } from "../support/logger.ts";
import {
  createPredictionLogWriter,
  type PredictionLogWriter,
  type PredictionLogWriterOptions,
} from "../../src/serving/prediction_log/mod.ts";
import { createScratchPostgres } from "../support/postgres.ts";

const total = 2_000;
const perTick = 4;
const tickMs = 5;
const outageStartMs = 700;
const outageMs = 1_500;
const trafficDeadlineMs = 15_000;

function entry(index: number): PredictionLogEntry {
  // Millisecond precision, distinct per entry, so the stored time proves it survived.
  const createdAt = new Date(Date.UTC(2024, 0, 1) + index * 1_000 + 123);
  return {
    request: {
      id: crypto.randomUUID(),
      requestId: `req-${index}`,
      modelName: "ticket-triage",
      modelVersion: "v1",
      input: { subject: `VPN down #${index}`, body: "Cannot connect" },
      latencyMs: 2.5,
      createdAt,
    },
    outputs: ["topic", "urgency"].map((head) => ({
      role: "champion" as const,
      modelVersion: "v1",
      head,
      label: head === "topic" ? "network" : "high",
      confidence: 0.9,
      scores: { a: 0.9, b: 0.1 },
    })),
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A migrated scratch database whose connections go through a proxy the test can kill. */
interface Rig {
  handle: DatabaseHandle;
  logger: ReturnType<typeof captureLogger>;
  spillDir?: string;
  writer(options?: Partial<PredictionLogWriterOptions>): PredictionLogWriter;
  killDatabase(): Promise<void>;
  restoreDatabase(): void;
}

async function withRig(spill: boolean, test: (rig: Rig) => Promise<void>): Promise<void> {
  const scratch = await createScratchPostgres();
  let proxy: WsProxy | undefined = startWsProxy({ port: 0 });
  const port = proxy.port;
  const spillDir = spill ? await Deno.makeTempDir({ prefix: "prediction-spill-" }) : undefined;
  const writers: PredictionLogWriter[] = [];
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ ...scratch.options, DATABASE_WS_PROXY: `127.0.0.1:${port}` });
    await handle.migrate();
    const db = handle.db;
    const logger = captureLogger();
    await test({
      handle,
      logger,
      spillDir,
      writer: (options) => {
        const writer = createPredictionLogWriter({
          write: (entries) => logPredictions(db, entries),
          spillDir,
          flushIntervalMs: 20,
          retry: { initialMs: 20, maxMs: 250 },
          writeTimeoutMs: 5_000,
          logger,
          ...options,
        });
        writers.push(writer);
        return writer;
      },
      killDatabase: async () => {
        await proxy?.close();
        proxy = undefined;
      },
      restoreDatabase: () => {
        proxy ??= startWsProxy({ port });
      },
    });
  } finally {
    for (const writer of writers) await writer.close({ timeoutMs: 1_000 });
    if (handle) await handle.close();
    // The admin connection that drops the scratch database may use this port too.
    proxy ??= startWsProxy({ port });
    await scratch.drop();
    await proxy.close();
    if (spillDir) await Deno.remove(spillDir, { recursive: true });
  }
}

interface TrafficRun {
  entries: PredictionLogEntry[];
  failedWritesDuringOutage: number;
  peakSpilled: number;
}

/**
 * Enqueues `total` entries, `perTick` every `tickMs` as a server under traffic would, while
 * the database is killed at `outageStartMs` and restored `outageMs` later on the same port.
 */
async function trafficThroughOutage(rig: Rig, writer: PredictionLogWriter): Promise<TrafficRun> {
  const run: TrafficRun = { entries: [], failedWritesDuringOutage: 0, peakSpilled: 0 };
  const chaos = (async () => {
    await delay(outageStartMs);
    await rig.killDatabase();
    await delay(outageMs);
    run.failedWritesDuringOutage = writer.stats().failedWrites;
    rig.restoreDatabase();
  })();
  const deadline = performance.now() + trafficDeadlineMs;
  while (run.entries.length < total && performance.now() < deadline) {
    for (let i = 0; i < perTick && run.entries.length < total; i++) {
      const e = entry(run.entries.length);
      run.entries.push(e);
      writer.enqueue(e);
    }
    run.peakSpilled = Math.max(run.peakSpilled, writer.stats().spilled);
    await delay(tickMs);
  }
  await chaos;
  assert.equal(run.entries.length, total, "the traffic loop ran out of time");
  return run;
}

/** Every entry is stored once, with both outputs and its original `createdAt`. */
async function assertAllStored(
  handle: DatabaseHandle,
  entries: readonly PredictionLogEntry[],
): Promise<void> {
  const ids = entries.map((e) => e.request.id);
  const found = await existingPredictionIds(handle.db, ids);
  const missing = ids.filter((id) => !found.has(id));
  assert.deepEqual(missing, [], `${missing.length} of ${ids.length} predictions are missing`);
  const rows = await handle.queryRows<{ id: string; created_at: string | Date; outputs: number }>(
    sql`select r.id, r.created_at,
          (select count(*)::int from prediction_outputs o where o.prediction_id = r.id) as outputs
        from prediction_requests r`,
  );
  assert.equal(rows.length, ids.length);
  const createdAt = new Map(entries.map((e) => [e.request.id, e.request.createdAt!.getTime()]));
  for (const row of rows) {
    assert.equal(row.outputs, 2, `prediction ${row.id} has ${row.outputs} outputs`);
    assert.equal(new Date(row.created_at).getTime(), createdAt.get(row.id));
  }
}

async function spillFilesLeft(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const item of Deno.readDir(dir)) names.push(item.name);
  return names;
}

async function outageUnderTraffic(options: { maxBuffered?: number; spill: boolean }) {
  await withRig(options.spill, async (rig) => {
    const writer = rig.writer({ maxBuffered: options.maxBuffered });
    const started = performance.now();
    const run = await trafficThroughOutage(rig, writer);
    const trafficMs = performance.now() - started;
    await writer.flush({ timeoutMs: 20_000 });
    const drainMs = performance.now() - started - trafficMs;
    const stats = writer.stats();
    await assertAllStored(rig.handle, run.entries);

    assert.ok(run.failedWritesDuringOutage > 0, "writes failed while the database was down");
    assert.equal(stats.queued, 0);
    assert.equal(stats.spilled, 0);
    assert.equal(stats.dropped, 0);
    assert.equal(stats.rejected, 0);
    assert.ok(stats.written >= total);
    const { lines } = rig.logger;
    const warnings = lines.filter((l) => l.message.startsWith("Cannot write prediction logs"));
    assert.equal(warnings.length, 1, "one warning per outage");
    const recoveries = lines.filter((l) => l.message === "Prediction log writes recovered");
    assert.equal(recoveries.length, 1, "one recovery line per outage");
    if (rig.spillDir) {
      assert.ok(run.peakSpilled > 0 && stats.spilledTotal > 0, "entries spilled during the outage");
      assert.deepEqual(await spillFilesLeft(rig.spillDir), [], "replayed spill files are removed");
    }
    console.log(
      `  traffic ${Math.round(trafficMs)} ms, drained ${Math.round(drainMs)} ms after it; ` +
        `down ${recoveries[0].fields?.downMs} ms; peak spilled ${run.peakSpilled}; ` +
        JSON.stringify(stats),
    );
  });
}

Deno.test("prediction logs survive a database outage (memory buffer)", async () => {
  await outageUnderTraffic({ spill: false });
});

Deno.test("prediction logs survive a database outage (spilled to disk)", async () => {
  await outageUnderTraffic({ maxBuffered: 100, spill: true });
});

Deno.test("a writer closed during an outage leaves spill files the next writer replays", async () => {
  await withRig(true, async (rig) => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(i));
    const first = rig.writer({ maxBuffered: 50, retry: { initialMs: 20, maxMs: 100 } });
    for (const e of entries.slice(0, 100)) first.enqueue(e);
    await first.flush({ timeoutMs: 10_000 });
    await rig.killDatabase();
    for (const e of entries.slice(100)) first.enqueue(e);
    await first.close({ timeoutMs: 300 });
    assert.ok(first.stats().failedWrites > 0);
    assert.equal(first.stats().dropped, 0);
    assert.equal(first.stats().queued, 0);
    assert.ok((await spillFilesLeft(rig.spillDir!)).length > 0);

    rig.restoreDatabase();
    const second = rig.writer();
    await second.flush({ timeoutMs: 10_000 });
    await assertAllStored(rig.handle, entries);
    assert.deepEqual(await spillFilesLeft(rig.spillDir!), []);
  });
});
