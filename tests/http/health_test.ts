import assert from "node:assert/strict";
import { assembleApp } from "../../src/app/assemble_app.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { createLogger, type Logger } from "../../src/shared/logger.ts";
import { captureLogger } from "../support/logger.ts";
import { workspaceSource } from "../support/workspace_source.ts";

/** The app with no model pointer at all: the database works, no model can load. */
async function appWithDatabase(
  logger: Logger = createLogger("error"),
  env: Record<string, string> = {},
) {
  const config = loadConfig({ MODEL_POINTER_PATH: "/nonexistent/model-pointer.yaml", ...env });
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  await database.migrate();
  const { app } = await assembleApp(
    config,
    database,
    logger,
    workspaceSource("/nonexistent"),
    { enqueue: () => {}, flush: () => Promise.resolve() },
  );
  return { app, database };
}

Deno.test("GET /health answers while the process lives", async () => {
  const { app, database } = await appWithDatabase();
  try {
    const response = await app.request("/health");
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: "ok" });
    // Generated ids are UUIDv7: time-ordered, like prediction ids.
    assert.match(response.headers.get("x-request-id") ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const caller = await app.request("/health", { headers: { "x-request-id": "caller-42" } });
    assert.equal(caller.headers.get("x-request-id"), "caller-42");
  } finally {
    await database.close();
  }
});

Deno.test("GET /ready is 503 with a reason per failing condition", async () => {
  const { app, database } = await appWithDatabase();
  const ready = await app.request("/ready");
  assert.equal(ready.status, 503);
  const checks = (await ready.json()).checks;
  assert.equal(checks.database, "ok");
  for (const model of ["churn", "ticket-triage"]) {
    assert.equal(checks[`model:${model}`], "no model pointer at /nonexistent/model-pointer.yaml");
  }

  await database.close();
  const notReady = await app.request("/ready");
  assert.equal(notReady.status, 503);
  const body = await notReady.json();
  assert.equal(body.status, "not_ready");
  assert.notEqual(body.checks.database, "ok");
});

Deno.test("unknown routes get a JSON 404; another method on a known path a 405", async () => {
  const { app, database } = await appWithDatabase();
  try {
    const response = await app.request("/v1/nothing-here");
    assert.equal(response.status, 404);
    const body = await response.json();
    assert.equal(body.error.code, "not_found");
    // A known path with another method: 405 naming the methods it answers.
    const wrongMethod = await app.request("/ready", { method: "DELETE" });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get("allow"), "GET, HEAD");
    assert.equal((await wrongMethod.json()).error.code, "method_not_allowed");
    const getPredict = await app.request("/v1/models/churn/predict");
    assert.equal(getPredict.status, 405);
    assert.equal(getPredict.headers.get("allow"), "POST");
    const paramPath = await app.request("/v1/tickets/42", { method: "PUT" });
    assert.equal(paramPath.headers.get("allow"), "GET, HEAD");
    assert.equal((await app.request("/v1/models/nope/predict", { method: "POST" })).status, 404);
  } finally {
    await database.close();
  }
});

Deno.test("GET /openapi.json documents the health routes and which routes need a key", async () => {
  for (const apiKeys of ["", "client-key"]) {
    const { app, database } = await appWithDatabase(undefined, { API_KEYS: apiKeys });
    try {
      const document = await (await app.request("/openapi.json")).json();
      assert.equal(document.openapi, "3.1.0");
      assert.ok(document.paths["/health"].get);
      assert.ok(document.paths["/ready"].get.responses["503"]);
      // The API needs a key only when keys are configured (the document's default); probes
      // never do; /admin always does.
      assert.deepEqual(document.security, apiKeys ? [{ bearer: [] }] : []);
      for (const probe of ["/health", "/ready", "/v2/health/live", "/v2/health/ready"]) {
        assert.deepEqual(document.paths[probe].get.security, [], probe);
      }
      assert.deepEqual(document.paths["/admin/reload"].post.security, [{ bearer: [] }]);
    } finally {
      await database.close();
    }
  }
});

Deno.test("every request leaves one access log line; probes only at debug", async () => {
  const logger = captureLogger();
  const { app, database } = await appWithDatabase(logger);
  try {
    const response = await app.request("/v1/models/churn/predict", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "crm-7" },
      body: "{}",
    });
    await app.request("/health");
    const lines = logger.lines.filter((line) => /^(GET|POST) /.test(line.message));
    assert.deepEqual(lines.map((l) => [l.level, l.message]), [
      ["info", `POST /v1/models/churn/predict ${response.status}`],
      ["debug", "GET /health 200"],
    ]);
    assert.equal(lines[0].fields?.requestId, "crm-7");
    assert.equal(lines[0].fields?.route, "/v1/models/churn/predict");
    assert.equal(typeof lines[0].fields?.durationMs, "number");
  } finally {
    await database.close();
  }
});
