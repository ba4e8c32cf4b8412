import assert from "node:assert/strict";
import { Hono } from "hono";
import { RequestHistory } from "./request_history.ts";

const minute = 60_000;

Deno.test("answers count into the bucket of their time, by status class", () => {
  let now = Date.UTC(2026, 0, 1, 12, 0, 30);
  const history = new RequestHistory({ bucketMs: 5 * minute, spanMs: 60 * minute, now: () => now });
  for (const status of [200, 201, 404, 422, 500]) history.record(status);
  now += 5 * minute; // the next bucket
  for (const status of [200, 503]) history.record(status);
  now += 20 * minute; // three quiet buckets, then one more answer
  history.record(401);

  assert.deepEqual(history.buckets(), [
    { start: new Date(Date.UTC(2026, 0, 1, 12, 0)), requests: 5, clientErrors: 2, serverErrors: 1 },
    { start: new Date(Date.UTC(2026, 0, 1, 12, 5)), requests: 2, clientErrors: 0, serverErrors: 1 },
    {
      start: new Date(Date.UTC(2026, 0, 1, 12, 25)),
      requests: 1,
      clientErrors: 1,
      serverErrors: 0,
    },
  ]);
  assert.deepEqual(history.total(), { requests: 8, clientErrors: 3, serverErrors: 2 });
});

Deno.test("the span is a ring: old buckets leave it, reused slots start at zero", () => {
  let now = 0;
  const history = new RequestHistory({ bucketMs: minute, spanMs: 3 * minute, now: () => now });
  history.record(200); // bucket 0
  now = minute;
  history.record(500); // bucket 1
  now = 3 * minute; // bucket 3 reuses bucket 0's slot
  history.record(404);
  assert.deepEqual(history.buckets().map((b) => [b.start.getTime() / minute, b.requests]), [
    [1, 1],
    [3, 1],
  ]);
  assert.equal(history.buckets()[1].clientErrors, 1);
  now = 10 * minute; // all of it older than the span: nothing shown, the total stays
  assert.deepEqual(history.buckets(), []);
  assert.deepEqual(history.total(), { requests: 3, clientErrors: 1, serverErrors: 1 });
});

Deno.test("the middleware counts each answer, an error's included", async () => {
  const history = new RequestHistory();
  const app = new Hono()
    .use(history.middleware)
    .get("/ok", (c) => c.text("ok"))
    .get("/boom", () => {
      throw new Error("boom");
    })
    .onError((_, c) => c.text("failed", 500));
  assert.equal((await app.request("/ok")).status, 200);
  assert.equal((await app.request("/nothing")).status, 404);
  assert.equal((await app.request("/boom")).status, 500);
  assert.deepEqual(history.total(), { requests: 3, clientErrors: 1, serverErrors: 1 });
});
