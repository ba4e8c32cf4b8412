/**
 * Least privilege (docs/permissions.md): the server started with exactly the permission flags
 * of `deno task start`, read from deno.json, serves in a fresh checkout with trained models
 * and logs its predictions, with no permission denied; and no task runs with `-A` unless the
 * document lists it with its reason.
 */
import assert from "node:assert/strict";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { configVariables, loadConfig } from "../../src/shared/config.ts";
import { s3Variables } from "../../src/dvc/mod.ts";
import { openDatabase } from "../../src/db/client.ts";
import { existingPredictionIds } from "../../src/db/repositories/predictions.ts";
import { sampleTicket, seedCustomer } from "../support/payloads.ts";
import {
  denoTask,
  freePort,
  isolatedEnv,
  listTree,
  readyOrExit,
  runDeno,
  spawnCaptured,
} from "../support/server_process.ts";
import { postJson } from "../support/test_app.ts";
import { pushTrainedModels } from "../support/model_remote.ts";
import { copyTracked } from "../support/workspace.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const denoJson = join(repoRoot, "deno.json");

/** What Deno prints when a permission is missing (with --no-prompt or no terminal). */
const denial = /NotCapable|PermissionDenied|Requires \w+ access|run again with the --allow/;

/** Kills `child` unless it has exited; resolves once it has. */
async function stop(child: Deno.ChildProcess): Promise<void> {
  try {
    child.kill("SIGKILL");
  } catch {
    // Exited already.
  }
  await child.status;
}

Deno.test("the server serves and logs with exactly `deno task start`'s permissions", async () => {
  const task = denoTask(denoJson, "start");
  assert.equal(task.args[0], "run");
  assert.ok(!task.args.includes("-A") && !task.args.includes("--allow-all"), "start names each");

  // A checkout whose trained models were pushed to its default DVC remote, `.dvc-storage` (dvc
  // takes the path from the working directory, the checkout), and are in neither `models/` nor
  // the cache: the server reads the remote and keeps what it fetched in `.dvc/cache`.
  const pushed = await pushTrainedModels({ url: ".dvc-storage" });
  const { workspace } = pushed;
  const root = workspace.root;
  let server: Deno.ChildProcess | undefined;
  let output: Promise<string> | undefined;
  try {
    // The tracked files, and a node_modules of its own, as `deno task setup` leaves it (Deno
    // links it from its cache in about a second). One inside the checkout matters: Deno reads
    // npm packages at their real path, which a symlinked node_modules would put outside `.`.
    await copyTracked(repoRoot, root);
    const installed = await runDeno(["install"], root, isolatedEnv({}));
    assert.equal(installed.code, 0, `deno install failed:\n${installed.output}`);
    // The default pointer pins the pushed versions, as `register --promote` leaves it.
    const pointer = join(root, loadConfig({}).MODEL_POINTER_PATH);
    await mkdir(dirname(pointer), { recursive: true });
    await Deno.copyFile(workspace.pointerPath, pointer);

    // The embedded defaults (PGlite in .data/, 127.0.0.1), the task's own variables, a free port.
    const port = freePort();
    const base = `http://127.0.0.1:${port}`;
    const started = spawnCaptured(
      task.args,
      root,
      isolatedEnv({ ...task.env, PORT: String(port) }),
    );
    server = started.child;
    output = started.output;
    const ready = await readyOrExit(started, base);
    assert.deepEqual((await ready.json()).checks, {
      database: "ok",
      "model:ticket-triage": `ok (${workspace.versions["ticket-triage"]})`,
      "model:churn": `ok (${workspace.versions.churn})`,
    });
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).status, "ok");

    const ids: string[] = [];
    for (const [model, instance] of [["ticket-triage", sampleTicket], ["churn", seedCustomer]]) {
      const response = await fetch(`${base}/v1/models/${model}/predict`, postJson(instance));
      const body = await response.json();
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.ok(body.prediction_id, `${model} answered a prediction_id`);
      ids.push(body.prediction_id);
    }
    // Read from node_modules while serving, not at start.
    const docsScript = await fetch(`${base}/docs/scalar.js`);
    assert.equal(docsScript.status, 200);
    await docsScript.body?.cancel();

    server.kill("SIGTERM");
    const status = await server.status;
    server = undefined;
    const logs = (await output).split("\n").filter(Boolean);
    assert.equal(status.code, 0, logs.join("\n"));
    assert.deepEqual(logs.filter((line) => denial.test(line)), [], "no permission denied");
    const problems = logs.filter((line) => !line.startsWith('{"') || /"level":"error"/.test(line));
    assert.deepEqual(problems, [], "no errors or stray output");

    const cached = await listTree(join(root, ".dvc/cache"));
    assert.ok(cached.some((path) => path.endsWith(".dir")), "the remote's objects are kept");
    // The shutdown drained the prediction log into the workspace's embedded database.
    const database = await openDatabase({ PGLITE_DIR: join(root, loadConfig({}).PGLITE_DIR) });
    try {
      assert.equal((await existingPredictionIds(database.db, ids)).size, ids.length);
    } finally {
      await database.close();
    }
  } finally {
    if (server) await stop(server);
    await output;
    await rm(root, { recursive: true, force: true });
  }
});

/** The permission flags a task string passes, in order, as docs/permissions.md shows them. */
function taskFlags(command: string): string {
  return command.split(/\s+/)
    .filter((word) => /^(-A|--allow-all|--(allow|deny)-[a-z]+(=\S*)?)$/.test(word))
    .join(" ");
}

/** The rows of docs/permissions.md's task table: task name -> its flags and reason cells. */
async function documentedTasks(): Promise<Map<string, { flags: string; why: string }>> {
  const text = await Deno.readTextFile(join(repoRoot, "docs/permissions.md"));
  const rows = new Map<string, { flags: string; why: string }>();
  for (const line of text.split("\n")) {
    const cells = /^\|\s*`([\w:-]+)`\s*\|(.*)\|(.*)\|\s*$/.exec(line);
    if (cells) rows.set(cells[1], { flags: cells[2].trim(), why: cells[3].trim() });
  }
  return rows;
}

Deno.test("every task is in docs/permissions.md with its flags; -A only where justified there", async () => {
  const tasks: Record<string, string> = JSON.parse(await Deno.readTextFile(denoJson)).tasks;
  const documented = await documentedTasks();
  assert.deepEqual([...documented.keys()].sort(), Object.keys(tasks).sort(), "tasks documented");
  for (const [name, command] of Object.entries(tasks)) {
    const flags = taskFlags(command);
    const row = documented.get(name)!;
    assert.equal(row.flags, flags ? `\`${flags}\`` : "none", `${name}: the documented flags`);
    assert.ok(row.why.length > 0, `${name}: why`);
  }
  // -A is for the tasks that run the whole tool chain (servers, databases, docker, browsers,
  // Python) on purpose; each one is a row above, with its reason. Every other task names its
  // permissions.
  const broad = Object.entries(tasks).filter(([, command]) =>
    /(^|\s)(-A|--allow-all)(\s|$)/.test(command)
  )
    .map(([name]) => name);
  assert.deepEqual(broad.sort(), ["bench:monitor", "bench:serve", "bench:train", "test"]);
});

Deno.test("the start task's --allow-env covers every configuration and S3 variable", () => {
  const flag = denoTask(denoJson, "start").args.find((arg) => arg.startsWith("--allow-env="));
  assert.ok(flag, "start lists the variables it reads");
  const patterns = flag.slice("--allow-env=".length).split(",");
  const allowed = (name: string) =>
    patterns.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
  const missing = [...configVariables, ...s3Variables].filter((name) => !allowed(name));
  assert.deepEqual(missing, [], "add them to start, dev, pipeline, register and the image's CMD");
});
