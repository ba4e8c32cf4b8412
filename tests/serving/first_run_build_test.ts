import assert from "node:assert/strict";
import { loadConfig } from "../../src/shared/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { captureLogger } from "../support/logger.ts";
import { buildMissingModels } from "../../src/serving/first_run.ts";
import { createModelRuntime } from "../../src/serving/registry/runtime.ts";
import { workspaceSource } from "../support/workspace_source.ts";

Deno.test("a first run never builds into a shared database unless told to", async () => {
  const config = loadConfig({
    DATABASE_URL: "postgres://app@db.example.com/app",
    MODEL_POINTER_PATH: "/nonexistent/model-pointer.yaml",
  });
  assert.equal(config.AUTO_BUILD_MODELS, undefined);
  const logger = captureLogger();
  // Embedded stand-in: nothing is written to it, and no server at DATABASE_URL is reached.
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  try {
    const runtime = createModelRuntime(config, database, logger, workspaceSource("/nonexistent"));
    await runtime.reload();
    await buildMissingModels(config, database, logger, runtime, new AbortController().signal);
    const [warning] = logger.lines.filter((line) => line.level === "warn");
    assert.match(warning.message, /not building them into the database of DATABASE_URL/);
    assert.deepEqual(
      (warning.fields?.models as { name: string }[]).map((m) => m.name).sort(),
      ["churn", "ticket-triage"],
    );
    assert.ok(!logger.lines.some((line) => line.message.startsWith("▶")), "no pipeline step");
    for (const status of runtime.registry.status()) {
      assert.doesNotMatch(status.problem ?? "", /building/);
    }
  } finally {
    await database.close();
  }
});
