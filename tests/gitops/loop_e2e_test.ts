/**
 * The GitOps loop end to end, in temporary repositories: a bare origin, a checkout where the
 * team works (`dev`), and a clone that stands for Argo CD's sync of staging, where the server
 * runs with `deno task start`'s permissions and reads models from the team's S3 remote (moto).
 * Train v1 -> promote -> the synced server serves v1 -> retrain v2 -> promote -> sync -> hot
 * reload v2 -> `model:rollback` (a git revert) -> sync -> v1; then a promoted version whose
 * artifact is damaged in the remote is refused, `gitops:status` says so, and the rollback
 * clears it. A steady load runs through every switch: no request fails, and every switch is
 * in `model_deployments`.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AwsClient } from "aws4fetch";
import { listDeployments, openDatabase } from "../../src/db/mod.ts";
import { md5Hex } from "../../src/dvc/md5.ts";
import { objectKey } from "../../src/dvc/object_key.ts";
import { s3ObjectUrl } from "../../src/dvc/s3_source.ts";
import { pointerPathOf } from "../../src/gitops/environments.ts";
import { register } from "../../src/pipeline/register.ts";
import { versionDir } from "../../src/ml/version_files.ts";
import { gitopsSandbox } from "../support/gitops_sandbox.ts";
import { sampleTicket, seedCustomer } from "../support/payloads.ts";
import { s3DvcRemote, s3Env, startS3Server } from "../support/s3_server.ts";
import {
  type CapturedServer,
  denoTask,
  freePort,
  isolatedEnv,
  readyOrExit,
  spawnCaptured,
} from "../support/server_process.ts";
import { postJson } from "../support/test_app.ts";
import { trainQuickly, writeSmallTrainingSet } from "../support/trained_models.ts";

const staging = pointerPathOf("staging");

/**
 * Requests from 4 clients in turn to both models, each pausing 5 ms between two, until stopped
 * (at most 3 minutes): steady, without starving the tests that run beside this one.
 */
function steadyLoad(base: string) {
  const failures: string[] = [];
  const churnVersions: string[] = [];
  let stop = false;
  let sent = 0;
  const deadline = Date.now() + 180_000;
  const client = async (n: number) => {
    for (let i = 0; !stop && Date.now() < deadline; i++) {
      const [model, body] = (i + n) % 2 ? ["churn", seedCustomer] : ["ticket-triage", sampleTicket];
      sent++;
      try {
        const response = await fetch(`${base}/v1/models/${model}/predict`, postJson(body));
        const answer = await response.json();
        if (response.status !== 200) failures.push(`${model}: ${response.status}`);
        else if (model === "churn" && churnVersions.at(-1) !== answer.version) {
          churnVersions.push(answer.version);
        }
      } catch (error) {
        failures.push(`${model}: ${error}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const clients = Promise.all([0, 1, 2, 3].map(client));
  return {
    failures,
    churnVersions,
    stop: async () => {
      stop = true;
      await clients;
      return sent;
    },
  };
}

/** Polls `/v1/models` until churn's champion is `version`. */
async function waitForChurn(base: string, version: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let served = "";
  while (Date.now() < deadline) {
    const { models } = await (await fetch(`${base}/v1/models`)).json();
    served = models.find((m: { name: string }) => m.name === "churn")?.version;
    if (served === version) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`churn serves ${served}, not ${version}, 30 s after the sync`);
}

Deno.test("train, promote, sync, hot reload, roll back by git revert: no request fails", async () => {
  const s3 = await startS3Server();
  const remote = { ...s3DvcRemote(s3, "team"), env: s3Env(s3) };
  const sandbox = await gitopsSandbox(remote);
  const { dev, git } = sandbox;
  let server: CapturedServer | undefined;
  try {
    /** Trains `names` in dev, pushes them to the team remote, commits models.dvc. */
    const version = async (names: string[]) => {
      const versions = await trainQuickly(dev, names, 10);
      await register(dev, {
        versions: Object.entries(versions).map(([name, version]) => ({ name, version })),
        pointerPath: staging,
        promote: false,
        push: true,
      });
      await git(dev, "add", "models.dvc");
      await git(dev, "commit", "--quiet", "-m", `Version ${Object.values(versions).join(", ")}`);
      return versions;
    };
    /** `deno task <name> <args>`, which must succeed. */
    const task = async (name: string, args: string[], cwd = dev) => {
      const { code, output } = await sandbox.task(name, args, cwd);
      assert.equal(code, 0, `${name} ${args.join(" ")}:\n${output}`);
      return output;
    };

    // v1 of both models, promoted to staging: two commits, pushed.
    await writeSmallTrainingSet(dev);
    const v1 = await version(["ticket-triage", "churn"]);
    await task("model:promote", ["ticket-triage", v1["ticket-triage"], "--env", "staging"]);
    const promoted = await task("model:promote", ["churn", v1.churn, "--env", "staging", "--push"]);
    assert.match(promoted, new RegExp(`✓ Promote churn ${v1.churn} to staging`));

    // Argo CD's sync of staging: a clone of origin; the server serves what it pins.
    const argo = await sandbox.clone("argo");
    const start = denoTask(join(argo, "deno.json"), "start");
    const port = freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawnCaptured(
      start.args,
      argo,
      isolatedEnv({
        ...start.env,
        ...remote.env,
        PORT: String(port),
        MODEL_POINTER_PATH: staging,
        DVC_REMOTE_URL: remote.url,
        AUTO_BUILD_MODELS: "false",
        LOG_LEVEL: "warn",
      }),
    );
    await readyOrExit(server, base);
    await waitForChurn(base, v1.churn);
    const status = ["--env", "staging", "--url", base, "--wait", "30"];
    assert.match(await task("gitops:status", status, argo), /✓ staging: 1 server\(s\) serve/);

    const load = steadyLoad(base);
    const sync = () => git(argo, "pull", "--quiet", "--ff-only");

    // v2 of churn, promoted and synced: the server hot-reloads it.
    const v2 = await version(["churn"]);
    await task("model:promote", ["churn", v2.churn, "--env", "staging", "--push"]);
    await sync();
    await waitForChurn(base, v2.churn);
    await task("gitops:status", status, argo);

    // The rollback is a revert of that promotion; synced, v1 is back.
    const rolledBack = await task("model:rollback", ["--env", "staging", "--push"]);
    assert.match(rolledBack, new RegExp(`✓ Revert "Promote churn ${v2.churn} to staging"`));
    assert.equal(
      (await git(dev, "log", "-1", "--format=%s", "--", staging)).trim(),
      `Revert "Promote churn ${v2.churn} to staging"`,
    );
    await sync();
    await waitForChurn(base, v1.churn);
    await task("gitops:status", status, argo);

    // v3, promoted while whole, then damaged in the remote before the sync: the server refuses
    // it and keeps v1, and gitops:status reports the difference with the reason.
    const v3 = await version(["churn"]);
    await task("model:promote", ["churn", v3.churn, "--env", "staging", "--push"]);
    const card = await readFile(join(versionDir(dev, "churn", v3.churn), "card.json"));
    const client = new AwsClient({ ...s3.credentials, service: "s3", region: s3.region });
    const objectUrl = s3ObjectUrl(s3.bucket, `team/${objectKey(md5Hex(card))}`, {
      endpoint: s3.endpoint,
    });
    const put = await client.fetch(objectUrl, { method: "PUT", body: "{}" });
    assert.equal(put.status, 200, await put.text());
    await sync();
    // Right after the sync the server may not have tried v3 yet (it checks the pointer every
    // 5 s): wait until it has refused it, which gitops:status then names.
    const mismatch = { code: 0, output: "" };
    const refused = () => mismatch.code === 1 && /md5 mismatch/.test(mismatch.output);
    for (let i = 0; i < 40 && !refused(); i++) {
      Object.assign(mismatch, await sandbox.task("gitops:status", status.slice(0, 4), argo));
      if (!refused()) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.equal(mismatch.code, 1, mismatch.output);
    assert.match(mismatch.output, new RegExp(`churn serves ${v1.churn}; staging pins ${v3.churn}`));
    assert.match(mismatch.output, /md5 mismatch/);
    await task("model:rollback", ["--env", "staging", "--push"]);
    await sync();
    assert.match(await task("gitops:status", status, argo), new RegExp(`churn ${v1.churn}`));

    const sent = await load.stop();
    assert.ok(sent > 200, `a steady load: ${sent} requests`);
    assert.deepEqual(load.failures, [], "no request failed through the switches");
    // v1, then v2, then v1 again (a response in flight at a swap may arrive after a newer one).
    assert.deepEqual(load.churnVersions.slice(0, 2), [v1.churn, v2.churn]);
    assert.equal(load.churnVersions.at(-1), v1.churn);
    assert.ok(!load.churnVersions.includes(v3.churn), "the damaged version never answered");

    server.child.kill("SIGTERM");
    assert.equal((await server.child.status).code, 0, await server.output);
    server = undefined;
    const database = await openDatabase({ PGLITE_DIR: join(argo, ".data/pglite") });
    try {
      const history = (await listDeployments(database.db, "churn")).reverse()
        .filter((d) => d.role === "champion")
        .map((d) => `${d.event} ${d.version}${d.event === "refused" ? "" : ` ${d.reason ?? ""}`}`);
      assert.deepEqual(history.map((line) => line.trim()), [
        `loaded ${v1.churn}`,
        `unloaded ${v1.churn} replaced by ${v2.churn}`,
        `loaded ${v2.churn}`,
        `unloaded ${v2.churn} replaced by ${v1.churn}`,
        `loaded ${v1.churn}`,
        `refused ${v3.churn}`,
      ]);
    } finally {
      await database.close();
    }
  } finally {
    if (server) {
      server.child.kill("SIGKILL");
      await server.output;
    }
    await sandbox.close();
    await s3.close();
  }
});
