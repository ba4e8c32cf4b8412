/**
 * The served API against its own OpenAPI document, by schemathesis (from `.venv`, installed
 * by `deno task setup`): generated valid and invalid requests to every operation over real
 * HTTP, then sequences through the links between them (a stored ticket's id used by the
 * ticket routes). No answer may be a 500, every status, content type, header and body must
 * be the documented one, invalid input must be refused, auth must be enforced, other methods
 * must get 405. Seeded, so a run is reproducible.
 *
 * One check is left out: schemathesis counts any schema-valid request refused as a failure,
 * but the V2 routes share one input schema for every model (a churn tensor sent to
 * ticket-triage is schema-valid and still a 422), and text is trimmed before its length is
 * checked (a body of spaces is a 422).
 */
import assert from "node:assert/strict";
import { trainedWorkspace } from "../support/trained_models.ts";
import { testApp } from "../support/test_app.ts";

const schemathesis = new URL("../../.venv/bin/schemathesis", import.meta.url).pathname;

Deno.test("the API answers as its OpenAPI document says (schemathesis, every operation)", async () => {
  // An admin key opens every route (`/v1` and `/v2` take it too).
  const adminKey = "contract-admin-key";
  const { app, close } = await testApp(await trainedWorkspace(), {
    API_KEYS: "contract-client-key",
    ADMIN_API_KEYS: adminKey,
  });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.fetch);
  // schemathesis keeps a cache in its working directory: a scratch one, not the repository.
  const scratch = await Deno.makeTempDir({ prefix: "contract-" });
  try {
    const output = await new Deno.Command(schemathesis, {
      cwd: scratch,
      args: [
        "run",
        `http://127.0.0.1:${server.addr.port}/openapi.json`,
        "--checks",
        "all",
        "--exclude-checks",
        "positive_data_acceptance",
        "--max-examples",
        "25",
        "--seed",
        "20261203",
        "--generation-database",
        "none",
        "--workers",
        "1",
        "--header",
        `Authorization: Bearer ${adminKey}`,
      ],
      env: { NO_COLOR: "1", SCHEMATHESIS_TELEMETRY: "false" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const report = new TextDecoder().decode(output.stdout) +
      new TextDecoder().decode(output.stderr);
    assert.ok(output.success, report);
    assert.match(report, /Tested: 27\b/, report);
  } finally {
    await Deno.remove(scratch, { recursive: true });
    await server.shutdown();
    await close();
  }
});
