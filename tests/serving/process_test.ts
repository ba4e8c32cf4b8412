/**
 * The server as a process: starts on a workspace whose models are versioned with DVC, serves,
 * and on SIGTERM drains the prediction log before exiting, so nothing served is lost.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../../src/db/client.ts";
import { existingPredictionIds } from "../../src/db/repositories/predictions.ts";
import { runDvc } from "../../src/dvc/cli.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { freePort } from "../support/server_process.ts";
import { postJson } from "../support/test_app.ts";

Deno.test("SIGTERM drains every served prediction into the database before exit", async () => {
  const workspace = await trainedWorkspace();
  await runDvc(workspace.root, ["init", "--no-scm", "--quiet"]);
  await runDvc(workspace.root, ["add", "--quiet", "models"]);
  const port = freePort();
  const pgliteDir = join(workspace.root, ".data/pglite");
  const server = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("../../src/main.ts", import.meta.url).pathname],
    cwd: workspace.root,
    env: {
      PORT: String(port),
      PGLITE_DIR: pgliteDir,
      MODEL_POINTER_PATH: workspace.pointerPath,
      AUTO_BUILD_MODELS: "false",
      DVC_REMOTE_URL: join(workspace.root, "remote"),
      LOG_LEVEL: "warn",
    },
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 60_000;
    let ready = false;
    while (!ready && Date.now() < deadline) {
      ready = await fetch(`${base}/ready`).then(
        async (r) => (await r.body?.cancel(), r.ok),
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(ready, "the server became ready");
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const response = await fetch(
        `${base}/v1/models/ticket-triage/predict`,
        postJson({ subject: `Printer ${i}`, body: "Paper jam on floor 2" }),
      );
      ids.push((await response.json()).prediction_id);
    }
    server.kill("SIGTERM");
    const status = await server.status;
    assert.equal(status.code, 0);
    const database = await openDatabase({ PGLITE_DIR: pgliteDir });
    try {
      assert.equal((await existingPredictionIds(database.db, ids)).size, ids.length);
    } finally {
      await database.close();
    }
  } finally {
    try {
      server.kill("SIGKILL");
    } catch {
      // Already exited.
    }
    await server.stderr.cancel();
  }
});
