import assert from "node:assert/strict";
import { NotFoundError } from "../domain/errors.ts";
import { fromDatabase } from "./database_errors.ts";
import { HttpError } from "./http_error.ts";

Deno.test("a request's database call that hangs or fails is a 503 to retry; domain errors pass", async () => {
  const unavailable = (reason: string) => (error: unknown) => {
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 503);
    assert.equal(error.code, "database_unavailable");
    assert.deepEqual(error.details, { reason });
    return true;
  };
  await assert.rejects(
    fromDatabase(() => new Promise(() => {}), 50),
    unavailable("The database query timed out after 50 ms"),
  );
  await assert.rejects(
    fromDatabase(() =>
      Promise.reject(new Error("Failed query: select 1", { cause: new Error("ECONNRESET") }))
    ),
    unavailable("Failed query: select 1: ECONNRESET"),
  );
  await assert.rejects(
    fromDatabase(() => Promise.reject(new NotFoundError("ticket", "t1"))),
    NotFoundError,
  );
  assert.equal(await fromDatabase(() => Promise.resolve(42)), 42);
});
