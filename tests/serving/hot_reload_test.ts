import assert from "node:assert/strict";
import { chmod, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { listDeployments } from "../../src/db/repositories/deployments.ts";
import { runDvc } from "../../src/dvc/cli.ts";
import { readPointer, writePointer } from "../../src/gitops/pointer.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { versionDir } from "../../src/ml/version_files.ts";
import { dvcArtifactSource } from "../../src/serving/registry/dvc_artifact_source.ts";
import { watchPointer } from "../../src/serving/registry/pointer_watch.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { seedCustomer as seed } from "../support/payloads.ts";
import { copyVersion, pinVersion } from "../support/version_pins.ts";
import { postJson, testApp } from "../support/test_app.ts";

const workspace = await trainedWorkspace();

const pinChurn = (version: string, challenger?: string) =>
  pinVersion(workspace, "churn", version, challenger);
const copyChurn = (suffix: string) => copyVersion(workspace, "churn", suffix);

type TestApp = Awaited<ReturnType<typeof testApp>>;

/** The `model_load_problem` gauge of churn in `role`, as `/metrics` shows it. */
async function churnLoadProblem(app: TestApp["app"], role: "champion" | "challenger") {
  const metrics = await (await app.request("/metrics")).text();
  return metrics.match(new RegExp(`model_load_problem\\{model="churn",role="${role}"\\} (\\d)`))
    ?.[1];
}

/** Pins the version served all along, alone, and reloads: `/ready` and the gauges clear. */
async function assertClearedOnRepin({ app, runtime }: TestApp) {
  await pinChurn(workspace.versions.churn);
  await runtime.reload();
  const cleared = await (await app.request("/ready")).json();
  assert.equal(cleared.checks["model:churn"], `ok (${workspace.versions.churn})`);
  assert.equal(await churnLoadProblem(app, "champion"), "0");
  assert.equal(await churnLoadProblem(app, "challenger"), "0");
}

Deno.test("hot reload under load: zero failed requests, responses switch version", async () => {
  const next = await copyChurn("b");
  const { app, database, runtime, close } = await testApp(workspace);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
  const watcher = watchPointer(
    workspace.pointerPath,
    runtime.reloadIfChanged,
    createLogger("error"),
  );
  const url = `http://127.0.0.1:${server.addr.port}/v1/models/churn/predict`;
  const seen: string[] = [];
  const failures: number[] = [];
  try {
    let stop = false;
    const client = async () => {
      for (let i = 0; i < 2000 && !stop; i++) {
        const response = await fetch(url, postJson(seed));
        if (response.status !== 200) failures.push(response.status);
        seen.push((await response.json()).version);
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pinChurn(next);
    const deadline = Date.now() + 10_000;
    while (seen.at(-1) !== next && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await Promise.all(clients);

    assert.deepEqual(failures, []);
    const firstNew = seen.indexOf(next);
    assert.ok(firstNew > 0, "the old version served first, then the new one");
    assert.equal(seen[0], workspace.versions.churn);
    // Requests sent after the swap never see the old version again (8 may be in flight).
    assert.ok(seen.slice(firstNew + 8).every((v) => v === next));
    const history = await listDeployments(database.db, "churn");
    const loaded = history.find((d) => d.version === next && d.event === "loaded");
    assert.match(loaded?.modelHash ?? "", /^[0-9a-f]{32}\.dir$/);
    assert.ok(
      history.some((d) =>
        d.version === workspace.versions.churn && d.event === "unloaded" &&
        d.reason === `replaced by ${next}`
      ),
    );
  } finally {
    watcher.close();
    await server.shutdown();
    await close();
    await pinChurn(workspace.versions.churn);
  }
});

Deno.test("a challenger scores the same requests and is logged beside the champion", async () => {
  const challenger = await copyChurn("shadow");
  await pinChurn(workspace.versions.churn, challenger);
  const { app, database, runtime, logged, flush, close } = await testApp(workspace);
  try {
    const body = await (await app.request("/v1/models/churn/predict", postJson(seed))).json();
    assert.equal(body.version, workspace.versions.churn);
    const deadline = Date.now() + 2000;
    while (logged.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await flush();
    const roles = logged[0].outputs.map((o) => `${o.role}:${o.modelVersion}`);
    assert.deepEqual(roles, [`champion:${workspace.versions.churn}`, `challenger:${challenger}`]);
    assert.equal(logged[0].request.id, body.prediction_id);
    // The online comparison on /metrics: same weights, so the challenger agreed.
    const metrics = await (await app.request("/metrics")).text();
    assert.ok(
      metrics.includes(
        `challenger_agreement_total{model="churn",head="churn",champion="${workspace.versions.churn}",` +
          `challenger="${challenger}",agreed="true"} 1`,
      ),
      metrics,
    );

    // Dropping churn from the pointer altogether: its champion answers on, its challenger goes.
    const pointer = (await readPointer(workspace.pointerPath))!;
    const { churn: _, ...others } = pointer.models;
    await writePointer(workspace.pointerPath, { ...pointer, models: others });
    await runtime.reload();
    assert.equal(runtime.registry.champion("churn")?.version, workspace.versions.churn);
    assert.equal(runtime.registry.challenger("churn"), undefined);

    // Dropping the challenger from the pointer unloads it, and the history says so.
    await pinChurn(workspace.versions.churn, challenger);
    await runtime.reload();
    assert.equal(runtime.registry.challenger("churn")?.version, challenger);
    await pinChurn(workspace.versions.churn);
    await runtime.reload();
    assert.equal(runtime.registry.challenger("churn"), undefined);
    const history = await listDeployments(database.db, "churn");
    assert.ok(
      history.some((d) =>
        d.version === challenger && d.role === "challenger" && d.event === "unloaded" &&
        d.reason === "no longer pinned"
      ),
    );
  } finally {
    await close();
    await pinChurn(workspace.versions.churn);
  }
});

Deno.test("a challenger that cannot be loaded is refused: /ready stays 200 and says so", async () => {
  const served = await testApp(workspace);
  const { app, database, runtime, close } = served;
  const missing = `${workspace.versions.churn}-missing`;
  try {
    await pinChurn(workspace.versions.churn, missing);
    await runtime.reload();
    const ready = await app.request("/ready");
    assert.equal(ready.status, 200);
    const detail = (await ready.json()).checks["model:churn"];
    assert.ok(detail.startsWith(`ok (${workspace.versions.churn}); challenger: `), detail);
    assert.match(detail, new RegExp(`Cannot load model "churn" version ${missing}`));
    assert.equal(await churnLoadProblem(app, "challenger"), "1");
    const history = await listDeployments(database.db, "churn");
    assert.ok(
      history.some((d) =>
        d.version === missing && d.role === "challenger" && d.event === "refused"
      ),
    );
    const response = await app.request("/v1/models/churn/predict", postJson(seed));
    assert.equal((await response.json()).version, workspace.versions.churn);

    // Unpinning the challenger clears the refusal.
    await assertClearedOnRepin(served);
  } finally {
    await close();
    await pinChurn(workspace.versions.churn);
  }
});

Deno.test("a corrupt artifact is refused; the server keeps its version and /ready says why", async () => {
  const bad = await copyChurn("corrupt");
  await runDvc(workspace.root, ["init", "--no-scm", "--quiet"]).catch(() => {});
  await runDvc(workspace.root, ["add", "--quiet", "models"]);
  // Damage the file in the workspace and its copy in the cache: no good copy remains.
  const weights = join(versionDir(workspace.root, "churn", bad), "weights.bin");
  const original = await readFile(weights);
  const damaged = Uint8Array.from(original);
  damaged[0] ^= 0xff;
  const cacheRoot = join(workspace.root, ".dvc/cache/files/md5");
  for (const prefix of await readdir(cacheRoot)) {
    for (const name of await readdir(join(cacheRoot, prefix))) {
      const path = join(cacheRoot, prefix, name);
      if ((await readFile(path)).equals(original)) {
        await chmod(path, 0o644);
        await writeFile(path, damaged);
      }
    }
  }
  await writeFile(weights, damaged);

  const served = await testApp(
    workspace,
    {},
    dvcArtifactSource({
      root: workspace.root,
      cacheDir: ".dvc/cache",
      remoteUrl: join(workspace.root, "no-remote"),
    }),
  );
  const { app, database, runtime, close } = served;
  try {
    assert.equal(runtime.registry.champion("churn")?.version, workspace.versions.churn);
    await pinChurn(bad);
    await runtime.reload();
    assert.equal(runtime.registry.champion("churn")?.version, workspace.versions.churn);
    const ready = await (await app.request("/ready")).json();
    assert.match(ready.checks["model:churn"], /Cannot load model "churn" version .*corrupt.*md5/);
    assert.match(
      ready.checks["model:churn"],
      new RegExp(`still serving ${workspace.versions.churn}`),
    );
    const response = await app.request("/v1/models/churn/predict", postJson(seed));
    assert.equal((await response.json()).version, workspace.versions.churn);
    assert.equal(await churnLoadProblem(app, "champion"), "1");
    const history = await listDeployments(database.db, "churn");
    assert.ok(
      history.some((d) => d.version === bad && d.event === "refused" && /md5/.test(d.reason ?? "")),
    );

    // The bad promotion reverted: the version served all along is pinned again, all clear.
    await assertClearedOnRepin(served);
  } finally {
    await close();
    await pinChurn(workspace.versions.churn);
  }
});

Deno.test("an unreadable pointer (a conflicted revert) keeps the served versions until fixed", async () => {
  const { app, runtime, close } = await testApp(workspace);
  const good = await readFile(workspace.pointerPath, "utf8");
  try {
    const conflicted = good.replace(
      /^( +version: .*)$/m,
      `<<<<<<< HEAD\n$1\n=======\n    version: 20260101T000000Z-00000000\n>>>>>>> parent`,
    );
    await writeFile(workspace.pointerPath, conflicted);
    assert.deepEqual(await runtime.reload(), []);
    const ready = await app.request("/ready");
    assert.equal(ready.status, 200);
    const { checks } = await ready.json();
    for (const [name, version] of Object.entries(workspace.versions)) {
      assert.match(
        checks[`model:${name}`],
        /^Invalid model pointer \S+model-pointer\.yaml: not valid YAML: .* at line 5, column 1:/,
      );
      assert.match(checks[`model:${name}`], new RegExp(`; still serving ${version}$`));
    }
    const response = await app.request("/v1/models/churn/predict", postJson(seed));
    assert.equal((await response.json()).version, workspace.versions.churn);

    // A misspelt key or an unknown model name is refused the same way, not half applied.
    const refusals: [string, RegExp][] = [
      [
        good.replace("  churn:\n", "  churn:\n    chalenger: v2\n"),
        /Unrecognized key: "chalenger"/,
      ],
      [
        `${good.trimEnd()}\n`.replace("models:\n", "models:\n  chrun:\n    version: v2\n"),
        /unknown model "chrun" \(known: /,
      ],
    ];
    for (const [text, reason] of refusals) {
      await writeFile(workspace.pointerPath, text);
      assert.deepEqual(await runtime.reload(), []);
      const { checks: refused } = await (await app.request("/ready")).json();
      assert.match(refused["model:churn"], reason);
      assert.match(
        refused["model:churn"],
        new RegExp(`still serving ${workspace.versions.churn}$`),
      );
    }

    await writeFile(workspace.pointerPath, good);
    await runtime.reload();
    const cleared = await (await app.request("/ready")).json();
    for (const [name, version] of Object.entries(workspace.versions)) {
      assert.equal(cleared.checks[`model:${name}`], `ok (${version})`);
    }

    // No pointer at all: the served versions stay, and /ready names the missing file.
    await Deno.remove(workspace.pointerPath);
    await runtime.reload();
    const { checks: missing } = await (await app.request("/ready")).json();
    assert.match(
      missing["model:churn"],
      /^no model pointer at \S+model-pointer\.yaml; still serving /,
    );
  } finally {
    await writeFile(workspace.pointerPath, good);
    await close();
  }
});
