import assert from "node:assert/strict";
import { join } from "node:path";
import { entry, FakeStore, spillFiles, waitFor, writerFor } from "../support/prediction_log.ts";
import { serializeEntry } from "../../src/serving/prediction_log/mod.ts";

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
