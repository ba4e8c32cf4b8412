import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { computeFeatures } from "../../src/pipeline/features.ts";
import { evaluateVersion } from "../../src/pipeline/evaluate.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { runPipeline } from "../../src/pipeline/run_pipeline.ts";
import { register } from "../../src/pipeline/register.ts";
import { snapshot } from "../../src/pipeline/snapshot.ts";
import { trainModel } from "../../src/pipeline/train.ts";
import { createRandom } from "../../src/ml/random.ts";
import { openDatabase } from "../../src/db/client.ts";
import { dvcFileHash, ensureDvcProject, runDvc } from "../../src/dvc/cli.ts";
import { readPointer, writePointer } from "../../src/gitops/pointer.ts";
import { initTensorflow } from "../../src/ml/inference/backend.ts";
import { DatasetRefusedError, readRows } from "../../src/ml/training/dataset.ts";
import { loadVersion } from "../../src/ml/training/model_store.ts";
import { readMetrics, versionDir } from "../../src/ml/version_files.ts";
import { predictProbabilities } from "../../src/ml/training/train.ts";
import { trainingEntry } from "../../src/models/training_catalog.ts";
import { run, tempGitRepo } from "../support/workspace.ts";

const pointerPath = "gitops/overlays/test/model-pointer.yaml";
const small = { tickets: 1500, customers: 1500, seed: 7, maxEpochs: 12 };

async function runSmallPipeline(root: string, remoteUrl: string) {
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  try {
    await database.migrate();
    return await runPipeline(database.db, {
      root,
      remoteUrl,
      pointerPath,
      ...small,
      quiet: true,
      log: () => {},
    });
  } finally {
    await database.close();
  }
}

async function predictionsOf(root: string, name: string, version: string) {
  const { definition, dataFile } = trainingEntry(name);
  const stored = await loadVersion(versionDir(root, name, version), definition);
  const rows = (await readRows(root, dataFile)).slice(0, 40);
  const probabilities = predictProbabilities(
    definition,
    stored.preprocessing,
    stored.model,
    rows.map(definition.inputOf),
  );
  stored.model.dispose();
  return probabilities;
}

Deno.test("the pipeline versions data and models with the real dvc CLI", async (t) => {
  await initTensorflow();
  const remote = await Deno.makeTempDir({ prefix: "dvc-remote-" });
  const first = await tempGitRepo("pipeline-a-");
  const second = await tempGitRepo("pipeline-b-");
  const clone = `${first}-clone`;
  try {
    const { registrations } = await runSmallPipeline(first, remote);
    const versions = Object.fromEntries(registrations.map((r) => [r.name, r.version]));

    await t.step("data.dvc and models.dvc are written and dvc status is clean", async () => {
      assert.ok(existsSync(join(first, "data.dvc")));
      assert.ok(existsSync(join(first, "models.dvc")));
      assert.match(await runDvc(first, ["status"]), /up to date/);
      assert.match(await runDvc(first, ["status", "--cloud"]), /in sync/);
      const pointer = await readPointer(join(first, pointerPath));
      assert.deepEqual(
        Object.fromEntries(Object.entries(pointer!.models).map(([n, m]) => [n, m.version])),
        versions,
      );
      assert.equal(pointer!.models_dvc_md5, await dvcFileHash(join(first, "models.dvc")));
      for (const r of registrations) {
        const metrics = await readMetrics(versionDir(first, r.name, r.version));
        assert.equal(metrics.gate?.promotable, true, `${r.name} gate`);
      }
    });

    await t.step("the same seed gives the same data hash and the same metrics", async () => {
      const again = await runSmallPipeline(
        second,
        await Deno.makeTempDir({ prefix: "dvc-remote-" }),
      );
      assert.equal(
        await dvcFileHash(join(second, "data.dvc")),
        await dvcFileHash(join(first, "data.dvc")),
      );
      for (const r of again.registrations) {
        const metrics = await readMetrics(versionDir(second, r.name, r.version));
        const original = await readMetrics(versionDir(first, r.name, versions[r.name]));
        assert.deepEqual(metrics.heads, original.heads, `${r.name} metrics`);
      }
    });

    await t.step("reloaded artifacts reproduce the recorded metrics exactly", async () => {
      for (const [name, version] of Object.entries(versions)) {
        const results = await evaluateVersion(first, name, version);
        assert.ok(results.every((r) => r.matchesStored), `${name} re-evaluation`);
      }
    });

    await t.step("dvc pull into a fresh clone reproduces identical predictions", async () => {
      await run(first, "git", ["add", "-A"]);
      await run(first, "git", ["commit", "--quiet", "-m", "pipeline run"]);
      await run(first, "git", ["clone", "--quiet", first, clone]);
      assert.ok(!existsSync(join(clone, "models", "churn")));
      await runDvc(clone, ["pull", "--quiet"]);
      for (const [name, version] of Object.entries(versions)) {
        assert.deepEqual(
          await predictionsOf(clone, name, version),
          await predictionsOf(first, name, version),
          `${name} predictions`,
        );
      }
    });

    await t.step("the gate refuses a model trained on shuffled labels", async () => {
      const path = join(first, "data", "tickets.jsonl");
      const rows = (await readFile(path, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
      const random = createRandom(99);
      const topics = random.shuffle(rows.map((r) => r.topic));
      const urgencies = random.shuffle(rows.map((r) => r.urgency));
      const shuffled = rows.map((r, i) => ({ ...r, topic: topics[i], urgency: urgencies[i] }));
      await writeFile(path, shuffled.map((r) => JSON.stringify(r)).join("\n") + "\n");
      const worse = await trainModel(first, "ticket-triage", { ...small, quiet: true });
      const { registrations: [verdict] } = await register(first, {
        versions: [{ name: "ticket-triage", version: worse.version }],
        pointerPath,
        promote: true,
        push: false,
      });
      assert.equal(verdict.verdict.promotable, false);
      assert.equal(verdict.promoted, false);
      assert.ok(verdict.verdict.checks.some((c) => /does not beat the baseline/.test(c.reason)));
      const pointer = await readPointer(join(first, pointerPath));
      assert.equal(pointer!.models["ticket-triage"].version, versions["ticket-triage"]);
    });

    await t.step(
      "a pinned version missing from the workspace stops registration unless replaced",
      async () => {
        const pointerFile = join(first, pointerPath);
        const pointer = (await readPointer(pointerFile))!;
        const missing = "20260101T000000Z-00000000";
        await writePointer(pointerFile, {
          ...pointer,
          models: { ...pointer.models, churn: { version: missing } },
        });
        const churn = { versions: [{ name: "churn", version: versions.churn }], pointerPath };
        await assert.rejects(
          register(first, { ...churn, promote: true, push: false }),
          new RegExp(
            `The pinned churn version ${missing} is not in the workspace; run \`dvc pull\``,
          ),
        );
        const { registrations: [replacing] } = await register(first, {
          ...churn,
          promote: true,
          push: false,
          missingPinned: "replace",
        });
        assert.equal(replacing.promoted, true);
        assert.equal(replacing.verdict.pinnedVersion, missing);
        for (const check of replacing.verdict.checks) {
          assert.match(check.reason, new RegExp(`^passes: .*pinned ${missing} could not be had`));
        }
        assert.equal((await readPointer(pointerFile))!.models.churn.version, versions.churn);
      },
    );

    await t.step(
      "promoting the challenger unpins it as challenger; another one stays",
      async () => {
        const pointerFile = join(first, pointerPath);
        const churn = { versions: [{ name: "churn", version: versions.churn }], pointerPath };
        for (const [challenger, kept] of [[versions.churn, undefined], ["another", "another"]]) {
          const pointer = (await readPointer(pointerFile))!;
          await writePointer(pointerFile, {
            ...pointer,
            models: { ...pointer.models, churn: { version: versions.churn, challenger } },
          });
          await register(first, { ...churn, promote: true, push: false });
          assert.deepEqual((await readPointer(pointerFile))!.models.churn, {
            version: versions.churn,
            ...(kept ? { challenger: kept } : {}),
          });
        }
      },
    );
  } finally {
    for (const dir of [remote, first, second, clone]) {
      await rm(dir, { recursive: true, force: true });
    }
  }
});

Deno.test("training refuses a dataset the quality gate rejects, naming the rules", async () => {
  const root = await tempGitRepo("pipeline-bad-");
  try {
    const database = await openDatabase({ PGLITE_DIR: "memory://" });
    await database.migrate();
    await generate(database.db, { tickets: 300, customers: 400, seed: 3, drifted: false });
    await computeFeatures(database.db);
    await ensureDvcProject(root, join(root, "remote"));
    await snapshot(database.db, root);
    await database.close();
    const path = join(root, "data", "customers.jsonl");
    const rows = (await readFile(path, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    rows[0].monthly_charges = -12;
    rows.slice(0, 40).forEach((row) => delete row.income);
    await writeFile(path, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const error = await trainModel(root, "churn", { seed: 3, quiet: true }).then(
      () => undefined,
      (e) => e,
    );
    assert.ok(error instanceof DatasetRefusedError);
    assert.match(error.message, /out_of_range.*monthly_charges/);
    assert.match(error.message, /too_many_missing.*income/);
    assert.match(error.message, /refused/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
