import assert from "node:assert/strict";
import { backoffDelay, isPermanentWriteError } from "./retry_policy.ts";

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
