import assert from "node:assert/strict";
import { join } from "node:path";
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import type { Logger } from "../logger.ts";
import {
  backoffDelay,
  createPredictionLogWriter,
  isPermanentWriteError,
  type PredictionLogWriterOptions,
} from "./prediction_log_writer.ts";
import { rejectedFileName, serializeEntry } from "./spill_file.ts";

function entry(index: number, createdAt?: Date): PredictionLogEntry {
  return {
    request: {
      id: crypto.randomUUID(),
      requestId: `req-${index}`,
      modelName: "churn",
      modelVersion: "v1",
      input: { tenure: index, createdAt: "kept as a string" },
      latencyMs: 1.5,
      ...(createdAt ? { createdAt } : {}),
    },
    outputs: [{
      role: "champion",
      modelVersion: "v1",
      head: "churn",
      label: "1",
      confidence: 0.8,
      scores: { "0": 0.2, "1": 0.8 },
    }],
  };
}

/** The writer's injected `write`: an in-memory table that can be made to fail or hang. */
class FakeStore {
  readonly rows = new Map<string, PredictionLogEntry>();
  readonly order: string[] = [];
  readonly batches: number[] = [];
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** When set, every write fails like a lost connection. */
  down = false;
  /** Fail this many more writes, then work. */
  failNext = 0;
  /** Ids the database refuses (a foreign key violation). */
  readonly refused = new Set<string>();
  delayMs = 0;
  hangNext = 0;

  write = async (entries: PredictionLogEntry[]): Promise<void> => {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.hangNext > 0) {
        this.hangNext--;
        await new Promise(() => {});
      }
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (this.down || this.failNext > 0) {
        this.failNext = Math.max(0, this.failNext - 1);
        throw new Error("Failed query: insert", {
          cause: new Error("Connection terminated unexpectedly"),
        });
      }
      const bad = entries.find((e) => this.refused.has(e.request.id));
      if (bad) {
        throw new Error("Failed query: insert", {
          cause: Object.assign(new Error("violates foreign key constraint"), { code: "23503" }),
        });
      }
      this.batches.push(entries.length);
      for (const e of entries) {
        if (this.rows.has(e.request.id)) continue;
        this.rows.set(e.request.id, e);
        this.order.push(e.request.id);
      }
    } finally {
      this.inFlight--;
    }
  };
}

function captureLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const log = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

function writerFor(store: FakeStore, options: Partial<PredictionLogWriterOptions> = {}) {
  const logger = captureLogger();
  const writer = createPredictionLogWriter({
    write: store.write,
    retry: { initialMs: 1, maxMs: 10 },
    flushIntervalMs: 5,
    flushTimeoutMs: 5_000,
    logger,
    ...options,
  });
  return { writer, logger };
}

async function spillFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const item of Deno.readDir(dir)) names.push(item.name);
  return names.filter((name) => name !== rejectedFileName).sort();
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 3_000) {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

Deno.test("writes in batches of at most maxBatch, one write at a time", async () => {
  const store = new FakeStore();
  store.delayMs = 2;
  const { writer } = writerFor(store, { maxBatch: 500 });
  try {
    const entries = Array.from({ length: 1_200 }, (_, i) => entry(i));
    for (const e of entries) writer.enqueue(e);
    await writer.flush();
    assert.deepEqual(store.batches, [500, 500, 200]);
    assert.equal(store.maxInFlight, 1);
    assert.deepEqual(store.order, entries.map((e) => e.request.id));
    assert.deepEqual(writer.stats(), {
      queued: 0,
      spilled: 0,
      written: 1_200,
      dropped: 0,
      failedWrites: 0,
      rejected: 0,
      spilledTotal: 0,
    });
  } finally {
    await writer.close();
  }
});

Deno.test("entries arriving together share a batch after flushIntervalMs", async () => {
  const store = new FakeStore();
  const { writer } = writerFor(store, { flushIntervalMs: 30 });
  try {
    writer.enqueue(entry(1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    writer.enqueue(entry(2));
    writer.enqueue(entry(3));
    await waitFor("the batch", () => store.rows.size === 3);
    assert.deepEqual(store.batches, [3]);
  } finally {
    await writer.close();
  }
});

Deno.test("enqueue returns at once and never throws, even when the database hangs", async () => {
  const store = new FakeStore();
  store.hangNext = 1;
  const { writer } = writerFor(store, { writeTimeoutMs: 50 });
  try {
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) assert.equal(writer.enqueue(entry(i)), undefined);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1_000, `20,000 enqueues took ${elapsed} ms`);
    assert.equal(writer.stats().queued, 20_000);
    writer.enqueue(null as unknown as PredictionLogEntry);
    assert.equal(writer.stats().dropped, 1);
    await writer.flush();
    assert.equal(store.rows.size, 20_000);
    assert.equal(writer.stats().failedWrites, 1, "the hung write timed out and was retried");
  } finally {
    await writer.close();
  }
});

Deno.test("a failing write is retried with the same batch; one warning per outage", async () => {
  const store = new FakeStore();
  store.failNext = 3;
  const { writer, logger } = writerFor(store);
  try {
    const entries = Array.from({ length: 10 }, (_, i) => entry(i));
    for (const e of entries) writer.enqueue(e);
    await writer.flush();
    assert.equal(store.calls, 4);
    assert.deepEqual(store.order, entries.map((e) => e.request.id));
    assert.equal(writer.stats().failedWrites, 3);
    assert.equal(writer.stats().written, 10);
    assert.equal(logger.lines.filter((l) => l.level === "warn").length, 1);
    assert.equal(logger.lines.filter((l) => l.message.includes("recovered")).length, 1);
  } finally {
    await writer.close();
  }
});

Deno.test("flush rejects after its timeout while the database is down", async () => {
  const store = new FakeStore();
  store.down = true;
  const { writer } = writerFor(store);
  try {
    writer.enqueue(entry(1));
    await assert.rejects(writer.flush({ timeoutMs: 50 }), /flush timed out after 50 ms/);
    assert.ok(writer.stats().failedWrites > 0);
    store.down = false;
    await writer.flush();
    assert.equal(store.rows.size, 1);
  } finally {
    await writer.close();
  }
});

Deno.test("beyond maxBuffered entries spill to disk and are replayed oldest first", async () => {
  const dir = await Deno.makeTempDir();
  const store = new FakeStore();
  store.down = true;
  const { writer, logger } = writerFor(store, {
    maxBuffered: 10,
    maxBatch: 7,
    spillDir: dir,
    spillFileMaxEntries: 25,
  });
  try {
    const createdAt = new Date("2024-05-06T07:08:09.123Z");
    const entries = Array.from({ length: 100 }, (_, i) => entry(i, createdAt));
    for (const e of entries) writer.enqueue(e);
    assert.equal(writer.stats().queued, 10);
    assert.equal(writer.stats().spilled, 90);
    assert.equal(writer.stats().spilledTotal, 90);
    await waitFor("the spill files", async () => (await spillFiles(dir)).length === 4);
    const lines = (await Promise.all(
      (await spillFiles(dir)).map((name) => Deno.readTextFile(join(dir, name))),
    )).join("").trim().split("\n");
    assert.equal(lines.length, 90);

    store.down = false;
    await writer.flush();
    assert.deepEqual(store.order, entries.map((e) => e.request.id));
    for (const stored of store.rows.values()) {
      assert.ok(stored.request.createdAt instanceof Date);
      assert.equal(stored.request.createdAt.getTime(), createdAt.getTime());
      assert.ok(stored.outputs[0].createdAt instanceof Date);
      assert.equal(stored.request.input.createdAt, "kept as a string");
    }
    assert.deepEqual(await spillFiles(dir), []);
    assert.equal(writer.stats().spilled, 0);
    assert.equal(writer.stats().dropped, 0);
    assert.equal(logger.lines.filter((l) => l.message.includes("spilling")).length, 1);
  } finally {
    await writer.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("spill files left by a crashed process are written at start-up", async () => {
  const dir = await Deno.makeTempDir();
  const createdAt = new Date("2023-01-02T03:04:05.678Z");
  const older = Array.from({ length: 5 }, (_, i) => entry(i, createdAt));
  const newer = Array.from({ length: 3 }, (_, i) => entry(10 + i, createdAt));
  await Deno.writeTextFile(
    join(dir, "prediction-log-1700000000000-deadbeef-000000.jsonl"),
    older.map(serializeEntry).join("\n") + '\n{"request":{"id":"torn',
  );
  await Deno.writeTextFile(
    join(dir, "prediction-log-1700000000500-0badcafe-000000.jsonl"),
    newer.map(serializeEntry).join("\n") + "\n",
  );
  await Deno.writeTextFile(join(dir, "unrelated.txt"), "not a spill file");
  const store = new FakeStore();
  const { writer } = writerFor(store, { spillDir: dir });
  try {
    const fresh = entry(99);
    writer.enqueue(fresh);
    await writer.flush();
    assert.deepEqual(store.order, [...older, ...newer, fresh].map((e) => e.request.id));
    const replayed = store.rows.get(older[0].request.id)!;
    assert.equal(replayed.request.createdAt?.toISOString(), createdAt.toISOString());
    assert.equal(writer.stats().dropped, 1, "the torn last line");
    assert.equal(writer.stats().written, 9);
    assert.deepEqual(await spillFiles(dir), ["unrelated.txt"]);
  } finally {
    await writer.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("close() writes everything still queued", async () => {
  const store = new FakeStore();
  store.delayMs = 1;
  const { writer } = writerFor(store, { maxBatch: 20, flushIntervalMs: 1_000 });
  for (let i = 0; i < 50; i++) writer.enqueue(entry(i));
  await writer.close();
  assert.equal(store.rows.size, 50);
  assert.equal(writer.stats().queued, 0);
  await writer.close();
  writer.enqueue(entry(51));
  assert.equal(writer.stats().dropped, 1, "an entry after close is counted as dropped");
});

Deno.test("close() during an outage keeps unwritten entries for the next process", async () => {
  const dir = await Deno.makeTempDir();
  const store = new FakeStore();
  store.down = true;
  const first = writerFor(store, { spillDir: dir, maxBuffered: 5, maxBatch: 4 });
  const entries = Array.from({ length: 12 }, (_, i) => entry(i));
  for (const e of entries) first.writer.enqueue(e);
  await first.writer.close({ timeoutMs: 50 });
  assert.equal(first.writer.stats().dropped, 0);
  assert.ok((await spillFiles(dir)).length >= 1);

  store.down = false;
  const second = writerFor(store, { spillDir: dir });
  try {
    await second.writer.flush();
    assert.deepEqual(new Set(store.rows.keys()), new Set(entries.map((e) => e.request.id)));
    assert.deepEqual(await spillFiles(dir), []);
  } finally {
    await second.writer.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("without a spill directory the oldest entries are dropped and counted", async () => {
  const store = new FakeStore();
  store.down = true;
  const { writer, logger } = writerFor(store, { maxBuffered: 10 });
  try {
    const entries = Array.from({ length: 25 }, (_, i) => entry(i));
    for (const e of entries) writer.enqueue(e);
    assert.equal(writer.stats().dropped, 15);
    assert.equal(writer.stats().queued, 10);
    assert.equal(logger.lines.filter((l) => l.message.includes("dropping")).length, 1);
    store.down = false;
    await writer.flush();
    assert.deepEqual(store.order, entries.slice(15).map((e) => e.request.id));
  } finally {
    await writer.close();
  }
});

Deno.test("entries the database refuses are isolated and set aside", async () => {
  const dir = await Deno.makeTempDir();
  const store = new FakeStore();
  const { writer } = writerFor(store, { spillDir: dir });
  try {
    const entries = Array.from({ length: 20 }, (_, i) => entry(i));
    store.refused.add(entries[13].request.id);
    for (const e of entries) writer.enqueue(e);
    await writer.flush();
    assert.equal(store.rows.size, 19);
    assert.equal(store.rows.has(entries[13].request.id), false);
    assert.equal(writer.stats().rejected, 1);
    assert.equal(writer.stats().failedWrites, 0);
    await writer.close();
    const kept = await Deno.readTextFile(join(dir, rejectedFileName));
    assert.equal(JSON.parse(kept).entry.request.id, entries[13].request.id);
  } finally {
    await writer.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("backoff doubles up to maxMs with jitter; only data errors are permanent", () => {
  const retry = { initialMs: 100, maxMs: 5_000 };
  assert.equal(backoffDelay(retry, 0, () => 0), 50);
  assert.equal(backoffDelay(retry, 0, () => 1), 100);
  assert.equal(backoffDelay(retry, 3, () => 1), 800);
  assert.equal(backoffDelay(retry, 40, () => 1), 5_000);
  const wrapped = (code: string) => new Error("Failed query", { cause: { code } });
  assert.equal(isPermanentWriteError(wrapped("23503")), true);
  assert.equal(isPermanentWriteError(wrapped("22P02")), true);
  assert.equal(isPermanentWriteError(wrapped("57P01")), false);
  assert.equal(isPermanentWriteError(new Error("Connection terminated unexpectedly")), false);
});
