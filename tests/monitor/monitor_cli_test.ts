/**
 * `deno task monitor` with exactly its deno.json permissions, in a checkout of its own with
 * trained models and the default pointer: one summary line per model naming the report.
 */
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../src/shared/config.ts";
import { denoTask, isolatedEnv, runDeno } from "../support/server_process.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { copyTracked } from "../support/workspace.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

Deno.test("deno task monitor runs with its own permissions and prints a line per model", async () => {
  const workspace = await trainedWorkspace();
  const root = workspace.root;
  await copyTracked(repoRoot, root);
  // Its own node_modules: PGlite's files must be inside `--allow-read=.`.
  const installed = await runDeno(["install"], root, isolatedEnv({}));
  assert.equal(installed.code, 0, `deno install failed:\n${installed.output}`);
  const pointer = join(root, loadConfig({}).MODEL_POINTER_PATH);
  await mkdir(dirname(pointer), { recursive: true });
  await Deno.copyFile(workspace.pointerPath, pointer);

  const task = denoTask(join(repoRoot, "deno.json"), "monitor");
  const env = isolatedEnv({ ...task.env, LOG_LEVEL: "error" });
  const all = await runDeno([...task.args, "--window", "1h"], root, env);
  assert.equal(all.code, 0, all.output);
  const lines = all.output.trim().split("\n");
  assert.equal(lines.length, 2, all.output);
  for (const name of ["ticket-triage", "churn"]) {
    const line = lines.find((l) => l.startsWith(`${name} ${workspace.versions[name]}:`));
    assert.match(line ?? "", /empty window .*report [0-9a-f-]{36}$/, all.output);
  }

  const one = await runDeno([...task.args, "--model", "churn"], root, env);
  assert.equal(one.code, 0, one.output);
  assert.match(one.output.trim(), /^churn \S+: empty window/);
  const bad = await runDeno([...task.args, "--window", "soon"], root, env);
  assert.equal(bad.code, 1);
  assert.match(bad.output, /--window must be like 1h/);
});
