import assert from "node:assert/strict";
import { checkReadiness } from "./readiness.ts";

Deno.test("a probe that hangs or fails is failing, with its cause, and never holds /ready", async () => {
  const started = performance.now();
  const { ready, checks } = await checkReadiness([
    { name: "fine", check: () => Promise.resolve({ ok: true }) },
    { name: "hung", check: () => new Promise(() => {}) },
    {
      name: "refused",
      check: () =>
        Promise.reject(
          new Error("Failed query: select 1\nparams: ", { cause: new Error("ECONNREFUSED") }),
        ),
    },
  ], 50);
  assert.ok(performance.now() - started < 1_000);
  assert.equal(ready, false);
  assert.deepEqual(checks, {
    fine: "ok",
    hung: "the check timed out after 50 ms",
    refused: "Failed query: select 1: ECONNREFUSED",
  });
});
