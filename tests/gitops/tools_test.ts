/**
 * The GitOps tasks run as deno.json words them (exactly their permissions) in a temporary
 * repository whose team remote is a directory inside the checkout: each refusal of an unsafe
 * state with its one line (a dirty tree, a version not in the remote, a version that fails the
 * gate, a revert that would conflict), a rollback to a named version, the version list, and
 * what the retraining workflow runs (model:pull, model:report).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runDvc } from "../../src/dvc/mod.ts";
import { pointerPathOf } from "../../src/gitops/environments.ts";
import { readPointer } from "../../src/gitops/pointer.ts";
import { createRandom } from "../../src/ml/random.ts";
import { register } from "../../src/pipeline/register.ts";
import { gitopsSandbox } from "../support/gitops_sandbox.ts";
import { trainQuickly, writeSmallTrainingSet } from "../support/trained_models.ts";

const staging = pointerPathOf("staging");
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

Deno.test("the GitOps tasks: refusals with one line, rollback to a version, list, pull, report", async (t) => {
  // `.dvc-storage` in the checkout (git-ignored), as `../.dvc-storage` from `.dvc/`.
  const sandbox = await gitopsSandbox({ url: "../.dvc-storage" });
  const { dev, git } = sandbox;
  try {
    const version = async (names: string[], push = true) => {
      const versions = await trainQuickly(dev, names, 10);
      await register(dev, {
        versions: Object.entries(versions).map(([name, version]) => ({ name, version })),
        pointerPath: staging,
        promote: false,
        push,
      });
      await git(dev, "add", "models.dvc");
      await git(dev, "commit", "--quiet", "-m", `Version ${Object.values(versions).join(", ")}`);
      return versions;
    };
    const succeeds = async (task: string, ...args: string[]) => {
      const { code, output } = await sandbox.task(task, args);
      assert.equal(code, 0, output);
      return output;
    };
    /** The task fails with exactly one `✗ Refused: …` line matching `reason`. */
    const refuses = async (reason: RegExp, task: string, ...args: string[]) => {
      const { code, output } = await sandbox.task(task, args);
      assert.equal(code, 1, output);
      const lines = output.split("\n").filter((line) => line.startsWith("✗"));
      assert.equal(lines.length, 1, output);
      assert.match(lines[0], /^✗ Refused: /);
      assert.match(lines[0], reason);
      assert.deepEqual(await git(dev, "status", "--porcelain"), "", "nothing changed");
    };

    await writeSmallTrainingSet(dev);
    await runDvc(dev, ["add", "--quiet", "data"]);
    await git(dev, "add", "data.dvc");
    const v1 = await version(["ticket-triage", "churn"]);
    await succeeds("model:promote", "ticket-triage", v1["ticket-triage"], "--env", "staging");
    await succeeds("model:promote", "churn", v1.churn, "--env", "staging");

    await t.step("a dirty tree", async () => {
      await writeFile(join(dev, "notes.txt"), "wip\n");
      const { code, output } = await sandbox.task("model:promote", [
        "--from",
        "staging",
        "--env",
        "production",
      ]);
      assert.equal(code, 1);
      assert.match(
        output,
        /^✗ Refused: the working tree has uncommitted changes \(notes\.txt\); commit or stash them$/m,
      );
      await Deno.remove(join(dev, "notes.txt"));
    });

    await t.step("a version not in the team's remote", async () => {
      const unpushed = await version(["churn"], false);
      await refuses(
        new RegExp(
          `churn ${unpushed.churn} \\(staging's new pointer\\) is not in the DVC remote "team" ` +
            `\\(\\S+\\.dvc-storage\\): push it first \\(\`dvc push -r team\`\\)$`,
        ),
        "model:promote",
        "churn",
        unpushed.churn,
        "--env",
        "staging",
      );
      await runDvc(dev, ["push", "--quiet"]);
    });

    await t.step("a version that fails the gate", async () => {
      const path = join(dev, "data", "tickets.jsonl");
      const original = await readFile(path, "utf8");
      const rows = original.trim().split("\n").map((line) => JSON.parse(line));
      const random = createRandom(99);
      const topics = random.shuffle(rows.map((r) => r.topic));
      const urgencies = random.shuffle(rows.map((r) => r.urgency));
      await writeFile(
        path,
        rows.map((r, i) => JSON.stringify({ ...r, topic: topics[i], urgency: urgencies[i] }))
          .join("\n") + "\n",
      );
      const worse = await version(["ticket-triage"]);
      await writeFile(path, original);
      const gate = /fails the gate for staging \((topic|urgency): does not beat the baseline/;
      await refuses(
        gate,
        "model:promote",
        "ticket-triage",
        worse["ticket-triage"],
        "--env",
        "staging",
      );
      await refuses(gate, "model:rollback", "--env", "staging", "--to", worse["ticket-triage"]);
    });

    await t.step("a rollback to a named version is a new commit", async () => {
      const v2 = await version(["churn"]);
      await succeeds("model:promote", "churn", v2.churn, "--env", "staging");
      const output = await succeeds("model:rollback", "--env", "staging", "--to", v1.churn);
      assert.match(output, new RegExp(`✓ Roll back churn in staging to ${v1.churn}`));
      assert.equal((await readPointer(join(dev, staging)))?.models.churn.version, v1.churn);
      await refuses(
        new RegExp(`staging already pins churn ${v1.churn}`),
        "model:rollback",
        "--env",
        "staging",
        "--to",
        v1.churn,
      );
    });

    await t.step("a revert that would conflict", async () => {
      // A pointer commit that also touched the README, which a later commit changed again.
      const pointer = join(dev, staging);
      await writeFile(pointer, (await readFile(pointer, "utf8")).replace("# Model", "# The model"));
      const readme = join(dev, "README.md");
      const text = await readFile(readme, "utf8");
      await writeFile(readme, text.replace(/^# .*$/m, "# Edge inference (staging notes)"));
      await git(dev, "commit", "--quiet", "-am", "Reword the staging pointer and the title");
      await writeFile(readme, text.replace(/^# .*$/m, "# Edge inference, renamed"));
      await git(dev, "commit", "--quiet", "-am", "Rename the title");
      await refuses(
        /reverting [0-9a-f]{12} \("Reword the staging pointer and the title"\) would conflict in README\.md; pin a version instead with --to <version>$/,
        "model:rollback",
        "--env",
        "staging",
      );
    });

    await t.step("model:list shows versions, metrics and pins", async () => {
      const output = await succeeds("model:list");
      assert.match(
        output,
        new RegExp(`${v1.churn}  gate pass  churn roc_auc 0\\.\\d{4}.*← staging`),
      );
      assert.match(output, new RegExp(`${v1["ticket-triage"]}  gate pass  topic macro_f1`));
    });

    await t.step("what the retraining runs: model:pull, then model:report", async () => {
      // A runner's fresh checkout of what was pushed: the pins and the data come from the
      // remote (the same directory, inside this checkout too).
      await git(dev, "push", "--quiet", "origin", "main");
      const runner = await sandbox.clone("runner");
      await cp(join(dev, ".dvc-storage"), join(runner, ".dvc-storage"), { recursive: true });
      // What `deno task setup` installs there: the dvc CLI, shared with this checkout.
      await Deno.symlink(join(repoRoot, ".venv"), join(runner, ".venv"));
      const pull = await sandbox.task("model:pull", ["--env", "staging", "--data"], runner);
      assert.equal(pull.code, 0, pull.output);
      assert.ok(existsSync(join(runner, "models/churn", v1.churn, "weights.bin")));
      assert.ok(existsSync(join(runner, "data/tickets.jsonl")));

      const report = (...args: string[]) =>
        sandbox.task("model:report", ["--env", "staging", ...args], runner);
      assert.match((await report("--github-output")).output, /^changed=false$/m);

      // The pipeline on that data, as the workflow runs it: gated against staging's pins,
      // pushed, models.dvc and staging's pointer changed in the working tree.
      const pipeline = await sandbox.task(
        "pipeline",
        ["--workspace-data", "--max-epochs", "3"],
        runner,
        { MODEL_POINTER_PATH: staging, DVC_REMOTE_URL: ".dvc-storage" },
      );
      assert.equal(pipeline.code, 0, pipeline.output);
      assert.doesNotMatch(pipeline.output, /▶ (generate|features|snapshot)/);
      const next = await readPointer(join(runner, staging));
      const retrained = next!.models.churn.version;
      assert.notEqual(retrained, v1.churn);
      assert.deepEqual(
        (await git(runner, "status", "--porcelain")).split("\n")
          .filter((line) => line && line !== "?? .venv").sort(),
        [" M gitops/overlays/staging/model-pointer.yaml", " M models.dvc"],
        "the pull request's two files, and nothing else",
      );
      const proposal = await report("--github-output");
      assert.equal(proposal.code, 0, proposal.output);
      assert.match(proposal.output, /^changed=true$/m);
      assert.match(
        proposal.output,
        new RegExp(`^title=Retrain staging: .*churn ${retrained}$`, "m"),
      );
      assert.match(proposal.output, new RegExp(`#### churn: \`${v1.churn}\` → \`${retrained}\``));
      assert.match(
        proposal.output,
        /\| churn \| roc_auc \(gated\) \| 0\.\d{4} \| 0\.\d{4} \([+-]\d\.\d{4}\) \|/,
      );
      const summary = await report();
      assert.match(summary.output, /^### Retrain staging: /m);
    });
  } finally {
    await sandbox.close();
  }
});
