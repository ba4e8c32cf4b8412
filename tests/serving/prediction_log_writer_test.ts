import assert from "node:assert/strict";
import { join } from "node:path";
import type { PredictionLogEntry } from "../../src/db/repositories/predictions.ts";
import { entry, FakeStore, waitFor, writerFor } from "../support/prediction_log.ts";
import { rejectedFileName } from "../../src/serving/prediction_log/mod.ts";

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
