/**
 * The server as a process on Postgres while its database is away: refused at start (a rollout
 * during an outage), then hung (a network partition: the proxy is paused, so connections stay
 * open and never answer). It serves predictions throughout, `/ready` and the database routes
 * answer in bounded time, SIGTERM saves the unwritten log to the spill directory, and the
 * next start writes it: every served prediction ends up in Postgres.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../../src/db/client.ts";
import { existingPredictionIds } from "../../src/db/repositories/predictions.ts";
import { runDvc } from "../../src/dvc/cli.ts";
import { sampleTicket } from "../support/payloads.ts";
import { createScratchPostgres } from "../support/postgres.ts";
import { freePort, isolatedEnv } from "../support/server_process.ts";
import { postJson } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const root = new URL("../..", import.meta.url).pathname;

/** A child Deno process, its output kept for the failure message. */
function spawn(args: string[], cwd: string, env: Record<string, string>) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--config", join(root, "deno.json"), ...args],
    cwd,
    env: isolatedEnv(env),
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const decoder = new TextDecoder();
  let output = "";
  const keep = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream) output += decoder.decode(chunk);
  };
  const drained = Promise.all([keep(child.stdout), keep(child.stderr)]);
  return { child, output: () => output, drained };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `fetch` that fails the test with the server's output, and how long it took (ms). */
async function timed(url: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = await response.json();
  return { status: response.status, body, ms: performance.now() - started };
}

/** Polls until `check` holds, failing with `what` after `ms`. */
async function until(check: () => Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) assert.fail(`${what} within ${ms} ms`);
    await sleep(100);
  }
}

Deno.test("with its database refused, then hung, the server serves, answers in bounded time and loses no prediction", async () => {
  const workspace = await trainedWorkspace();
  await runDvc(workspace.root, ["init", "--no-scm", "--quiet"]);
  await runDvc(workspace.root, ["add", "--quiet", "models"]);
  const scratch = await createScratchPostgres();
  const proxyPort = freePort();
  const startProxy = () => spawn(["scripts/ws_proxy.ts", "--port", String(proxyPort)], root, {});
  const port = freePort();
  const base = `http://127.0.0.1:${port}`;
  const spillDir = join(workspace.root, "spill");
  const startServer = () =>
    spawn([join(root, "src/main.ts")], workspace.root, {
      PORT: String(port),
      DATABASE_URL: scratch.options.DATABASE_URL!,
      DATABASE_WS_PROXY: `127.0.0.1:${proxyPort}`,
      MODEL_POINTER_PATH: workspace.pointerPath,
      SPILL_DIR: spillDir,
      LOG_LEVEL: "warn",
    });
  const predict = async () => {
    const answer = await timed(`${base}/v1/models/ticket-triage/predict`, postJson(sampleTicket));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.prediction_id as string;
  };
  let server = startServer(); // the proxy is not running: every connection is refused
  let proxy: ReturnType<typeof startProxy> | undefined;
  const served: string[] = [];
  try {
    await until(async () => (await fetch(`${base}/health`)).ok, "listening");
    const away = await timed(`${base}/ready`);
    assert.equal(away.status, 503);
    assert.match(away.body.checks.database, /cannot migrate the database|migrations have not run/);
    for (let i = 0; i < 5; i++) served.push(await predict());

    proxy = startProxy();
    await until(async () => (await fetch(`${base}/ready`)).ok, "ready once the database is back");

    // Paused: open connections and new ones hang instead of failing.
    proxy.child.kill("SIGSTOP");
    for (let i = 0; i < 5; i++) served.push(await predict());
    const hung = await timed(`${base}/ready`);
    assert.equal(hung.status, 503);
    assert.ok(hung.ms < 5_000, `/ready took ${hung.ms} ms`);
    assert.match(hung.body.checks.database, /timed out/);
    const ticket = await timed(`${base}/v1/tickets`, postJson(sampleTicket));
    assert.equal(ticket.status, 503, JSON.stringify(ticket.body));
    assert.equal(ticket.body.error.code, "database_unavailable");
    assert.ok(ticket.ms < 10_000, `POST /v1/tickets took ${ticket.ms} ms`);

    const stopped = performance.now();
    server.child.kill("SIGTERM");
    assert.equal((await server.child.status).code, 0, server.output());
    assert.ok(performance.now() - stopped < 45_000, "the shutdown is bounded");
    const spilled = await Array.fromAsync(Deno.readDir(spillDir));
    assert.ok(spilled.some((f) => f.name.startsWith("prediction-log-")), server.output());

    proxy.child.kill("SIGCONT");
    server = startServer(); // replays the spill files
    await until(async () => (await fetch(`${base}/ready`)).ok, "ready again");
    const database = await openDatabase(scratch.options);
    try {
      await until(
        async () => (await existingPredictionIds(database.db, served)).size === served.length,
        `all ${served.length} predictions stored`,
      );
    } finally {
      await database.close();
    }
    server.child.kill("SIGTERM");
    assert.equal((await server.child.status).code, 0, server.output());
  } finally {
    for (const process of [server, proxy]) {
      try {
        process?.child.kill("SIGCONT");
        process?.child.kill("SIGKILL");
      } catch { /* exited */ }
      await process?.drained;
    }
    await scratch.drop();
  }
});
