/**
 * Kill the database mid-traffic, bring it back: the server keeps answering (the response
 * never waits on the database) and every prediction it served ends up in Postgres. The real
 * Postgres is reached through the Neon driver and a proxy that this test closes and restarts.
 */
import assert from "node:assert/strict";
import { startWsProxy } from "../../scripts/ws_proxy.ts";
import { assembleApp } from "../../src/app/assemble_app.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { existingPredictionIds, logPredictions } from "../../src/db/repositories/predictions.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { createPredictionLogWriter } from "../../src/serving/prediction_log/mod.ts";
import { workspaceSource } from "../support/workspace_source.ts";
import { createScratchPostgres } from "../support/postgres.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { sampleTicket as ticket } from "../support/payloads.ts";
import { postJson } from "../support/test_app.ts";

Deno.test("every prediction served while the database was down is in Postgres", async () => {
  const workspace = await trainedWorkspace();
  const scratch = await createScratchPostgres();
  let proxy = startWsProxy({ port: 0 });
  const port = proxy.port;
  const spillDir = await Deno.makeTempDir({ prefix: "spill-" });
  const config = loadConfig({ MODEL_POINTER_PATH: workspace.pointerPath });
  const logger = createLogger("error");
  const database = await openDatabase({
    ...scratch.options,
    DATABASE_WS_PROXY: `127.0.0.1:${port}`,
  });
  await database.migrate();
  const writer = createPredictionLogWriter({
    write: (entries) => logPredictions(database.db, entries),
    spillDir,
    maxBuffered: 200,
    retry: { initialMs: 50, maxMs: 400 },
  });
  const source = workspaceSource(workspace.root);
  const { app } = await assembleApp(config, database, logger, source, writer);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
  const url = `http://127.0.0.1:${server.addr.port}/v1/models/ticket-triage/predict`;
  const served: string[] = [];
  const failures: number[] = [];
  try {
    let phase: "before" | "down" | "after" = "before";
    const counts = { before: 0, down: 0, after: 0 };
    const client = async () => {
      const deadline = Date.now() + 20_000;
      while (counts.after < 150 && Date.now() < deadline) {
        const response = await fetch(url, postJson(ticket));
        if (response.status !== 200) failures.push(response.status);
        served.push((await response.json()).prediction_id);
        counts[phase]++;
      }
    };
    const clients = Array.from({ length: 4 }, client);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await proxy.close();
    phase = "down";
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy = startWsProxy({ port });
    phase = "after";
    await Promise.all(clients);
    await writer.flush({ timeoutMs: 20_000 });

    assert.deepEqual(failures, []);
    assert.ok(counts.down > 50, `served ${counts.down} predictions while the database was down`);
    assert.ok(writer.stats().failedWrites > 0, "the outage was felt by the writer");
    const stored = await existingPredictionIds(database.db, served);
    assert.equal(stored.size, served.length);
    assert.equal(writer.stats().dropped, 0);
  } finally {
    await server.shutdown();
    await writer.close();
    await database.close();
    await proxy.close();
    await scratch.drop();
    await Deno.remove(spillDir, { recursive: true });
  }
});
