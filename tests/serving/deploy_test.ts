/**
 * `src/deploy.ts` run the way Deno Deploy runs it: no write permission at all, Postgres through
 * the Neon driver (here the local proxy), models only from an S3 DVC remote (moto on loopback,
 * signatures checked) reached with the standard AWS variables, the prediction log in memory.
 * The workspace has the pointer and `models.dvc` but neither `models/` nor a DVC cache, so
 * every artifact has to come from the bucket.
 */
import assert from "node:assert/strict";
import { readdir, rm } from "node:fs/promises";
import { openDatabase } from "../../src/db/client.ts";
import { listDeployments } from "../../src/db/repositories/deployments.ts";
import { existingPredictionIds } from "../../src/db/repositories/predictions.ts";
import { loadDeployConfig } from "../../src/deploy.ts";
import { createScratchPostgres } from "../support/postgres.ts";
import { pushTrainedModels } from "../support/model_remote.ts";
import { s3DvcRemote, s3Env, startS3Server } from "../support/s3_server.ts";
import { sampleTicket as ticket, seedCustomer as churn } from "../support/payloads.ts";
import {
  freePort,
  isolatedEnv,
  listTree,
  runDeno,
  waitUntilReady,
} from "../support/server_process.ts";
import { postJson } from "../support/test_app.ts";

const deployEntry = new URL("../../src/deploy.ts", import.meta.url).pathname;
const denoConfig = new URL("../../deno.json", import.meta.url).pathname;

/**
 * Deno Deploy's permissions as far as this project relies on them: network, environment and
 * reading the deployed files. Writing is denied outright, and nothing prompts.
 */
const deployFlags = [
  "run",
  "--no-prompt",
  "--allow-net",
  "--allow-env",
  "--allow-read",
  "--deny-write",
  `--config=${denoConfig}`,
];

/** Runs deploy.ts to its exit (for configuration errors), returning its exit code and output. */
function runToExit(cwd: string, env: Record<string, string>) {
  return runDeno([...deployFlags, deployEntry], cwd, isolatedEnv(env));
}

Deno.test("deploy.ts serves models from an S3 DVC remote and logs to Postgres, writing no file", async () => {
  // What a deployment ships: the pointer (pinned as `register --promote` pins it),
  // models.dvc and the code; the artifacts live only on the remote.
  const s3 = await startS3Server();
  const remote = s3DvcRemote(s3, "dvc");
  const { workspace } = await pushTrainedModels(remote);
  const scratch = await createScratchPostgres();
  const migrated = await openDatabase(scratch.options);
  try {
    await migrated.migrate();
  } finally {
    await migrated.close();
  }
  const port = freePort();
  const base = `http://127.0.0.1:${port}`;
  const before = await listTree(workspace.root);
  const server = new Deno.Command(Deno.execPath(), {
    args: [...deployFlags, deployEntry],
    cwd: workspace.root,
    env: isolatedEnv({
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: scratch.options.DATABASE_URL!,
      DATABASE_WS_PROXY: scratch.options.DATABASE_WS_PROXY!,
      DVC_REMOTE_URL: remote.url,
      ...s3Env(s3),
      MODEL_POINTER_PATH: workspace.pointerPath,
      LOG_LEVEL: "info",
    }),
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = Promise.all([
    new Response(server.stdout).text(),
    new Response(server.stderr).text(),
  ]).then(([out, err]) => out + err);
  let exited = false;
  try {
    const ready = await Promise.race([
      waitUntilReady(base, 90_000),
      server.status.then(async (status) => {
        throw new Error(`deploy.ts exited (${status.code}) before ready:\n${await output}`);
      }),
    ]);
    const { checks } = await ready.json();
    assert.deepEqual(checks, {
      database: "ok",
      "model:ticket-triage": `ok (${workspace.versions["ticket-triage"]})`,
      "model:churn": `ok (${workspace.versions.churn})`,
    });

    for (const [name, version] of Object.entries(workspace.versions)) {
      const served = await (await fetch(`${base}/v1/models/${name}`)).json();
      assert.equal(served.version, version, `${name} serves the pinned version`);
    }
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const triage = await fetch(
        `${base}/v1/models/ticket-triage/predict`,
        postJson({ ...ticket, subject: `${ticket.subject} ${i}` }),
      );
      assert.equal(triage.status, 200);
      ids.push((await triage.json()).prediction_id);
      const score = await fetch(`${base}/v1/models/churn/predict`, postJson(churn));
      assert.equal(score.status, 200);
      ids.push((await score.json()).prediction_id);
    }

    // Deno Deploy stops an instance with SIGINT and allows it 5 s: the in-memory log drains.
    server.kill("SIGINT");
    const status = await server.status;
    exited = true;
    assert.equal(status.code, 0, await output);
    const database = await openDatabase(scratch.options);
    try {
      assert.equal((await existingPredictionIds(database.db, ids)).size, ids.length);
      for (const [name, version] of Object.entries(workspace.versions)) {
        const events = await listDeployments(database.db, name);
        assert.ok(events.some((e) => e.version === version && e.event === "loaded"));
      }
    } finally {
      await database.close();
    }

    const logs = (await output).split("\n").filter(Boolean);
    const problems = logs.filter((line) =>
      !line.startsWith('{"') || /"level":"(warn|error)"/.test(line)
    );
    assert.deepEqual(problems, [], "no warnings, errors or stray output");
    assert.ok(logs.some((line) => line.includes(`"Listening on http://127.0.0.1:${port}"`)));
    const after = await listTree(workspace.root);
    assert.deepEqual(after, before, "the workspace is unchanged");
    assert.deepEqual(
      after.filter((path) => /^(\.data|models|\.dvc\/cache)\/|spill/.test(path)),
      [],
    );
  } finally {
    if (!exited) {
      try {
        server.kill("SIGKILL");
      } catch {
        // Already exited.
      }
      await server.status;
    }
    await output;
    await s3.close();
    await scratch.drop();
    await rm(workspace.root, { recursive: true, force: true });
  }
});

Deno.test("deploy.ts binds every interface unless HOST says otherwise", () => {
  const env = {
    DATABASE_URL: "postgres://user@db.example.com/app",
    DVC_REMOTE_URL: "s3://models/dvc",
  };
  assert.equal(loadDeployConfig(env).HOST, "0.0.0.0");
  assert.equal(loadDeployConfig({ ...env, HOST: "" }).HOST, "0.0.0.0");
  assert.equal(loadDeployConfig({ ...env, HOST: "127.0.0.1" }).HOST, "127.0.0.1");
});

Deno.test("deploy.ts refuses a configuration Deno Deploy cannot run, with one clear message", async (t) => {
  const cwd = await Deno.makeTempDir({ prefix: "deploy-config-" });
  try {
    await t.step("without DATABASE_URL", async () => {
      const { code, output } = await runToExit(cwd, {
        PORT: "0",
        DVC_REMOTE_URL: "https://dvc.example.com/storage",
      });
      assert.notEqual(code, 0);
      assert.match(output, /DATABASE_URL: required on Deno Deploy/);
      assert.doesNotMatch(output, /\n\s+at /, "no stack trace");
    });
    await t.step("with a directory DVC remote", async () => {
      const { code, output } = await runToExit(cwd, {
        PORT: "0",
        DATABASE_URL: "postgres://user@db.example.com/app",
        DVC_REMOTE_URL: "/srv/dvc-storage",
      });
      assert.notEqual(code, 0);
      assert.match(output, /DVC_REMOTE_URL: must be an http\(s\):\/\/ or s3:\/\/ remote/);
      assert.doesNotMatch(output, /\n\s+at /, "no stack trace");
    });
    assert.deepEqual(await readdir(cwd), [], "nothing written");
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});
