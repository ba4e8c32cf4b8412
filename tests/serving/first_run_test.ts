/**
 * `deno task start` on a fresh clone whose models no DVC remote can supply: the server says
 * so, builds both models with the pipeline on embedded defaults (showing progress), pins them
 * in place of the versions it could not have, then serves them; a later start reuses them
 * without building again. Stopped mid-build, it exits cleanly at the pipeline's next step.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { configVariables, loadConfig } from "../../src/shared/config.ts";
import { readPointer, writePointer } from "../../src/gitops/pointer.ts";
import { topics, urgencies } from "../../src/domain/ticket.ts";
import { copyTracked, run } from "../support/workspace.ts";
import { seedCustomer as customer } from "../support/payloads.ts";
import { freePort } from "../support/server_process.ts";
import { postJson } from "../support/test_app.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const ticket = { subject: "VPN down", body: "The VPN disconnects every hour", channel: "email" };

/**
 * The tracked files of the working tree, as a clone would have them: not the models, data,
 * `.dvc` files or overlays a local pipeline run leaves untracked. A git repository of its own,
 * since DVC refuses to work outside one.
 */
async function freshClone(dir: string): Promise<void> {
  await copyTracked(projectRoot, dir);
  await run(dir, "git", ["init", "--quiet"]);
  await commitAll(dir, "clone");
  // Setup has already run here, as in CI: share its dvc CLI and npm packages.
  for (const name of [".venv", "node_modules"]) {
    await Deno.symlink(join(projectRoot, name), join(dir, name));
  }
}

async function commitAll(dir: string, message: string): Promise<void> {
  const git = ["-c", "user.name=tests", "-c", "user.email=tests@example.com"];
  await run(dir, "git", [...git, "add", "--all"]);
  await run(dir, "git", [...git, "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", message]);
}

const pointerPath = loadConfig({}).MODEL_POINTER_PATH;

/**
 * Commits a pointer pinning `versions`, as a promotion made elsewhere would. The local pointer is
 * git-ignored (each machine's own): forced in, it stands for any committed pointer a checkout
 * serves.
 */
async function pinAndCommit(clone: string, versions: Record<string, string>): Promise<void> {
  const path = join(clone, pointerPath);
  const pointer = await readPointer(path) ?? { models: {} };
  for (const [name, version] of Object.entries(versions)) pointer.models[name] = { version };
  await writePointer(path, pointer);
  await run(clone, "git", ["add", "--force", pointerPath]);
  await commitAll(clone, "promote versions built elsewhere");
}

/** What `/ready` answers. */
interface ReadyBody {
  status: string;
  checks: Record<string, string>;
}

/** `deno run -A src/main.ts` with both pipes drained, so a full pipe never blocks it. */
class ServerProcess {
  readonly child: Deno.ChildProcess;
  stdout = "";
  stderr = "";
  exited?: Deno.CommandStatus;
  readonly #drained: Promise<unknown>;

  constructor(cwd: string, readonly base: string, env: Record<string, string>) {
    this.child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "src/main.ts"],
      cwd,
      env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const drain = async (stream: ReadableStream<Uint8Array>, into: "stdout" | "stderr") => {
      for await (const text of stream.pipeThrough(new TextDecoderStream())) this[into] += text;
    };
    this.#drained = Promise.all([
      drain(this.child.stdout, "stdout"),
      drain(this.child.stderr, "stderr"),
    ]);
    this.child.status.then((status) => (this.exited = status));
  }

  /** Messages of the JSON log lines on stdout, in order. */
  messages(): { message: string; [field: string]: unknown }[] {
    return this.stdout.split("\n").filter((line) => line.startsWith("{")).map((line) =>
      JSON.parse(line)
    );
  }

  /** The output so far, for assertion messages. */
  transcript(): string {
    const tail = (text: string) => text.length > 6000 ? `…${text.slice(-6000)}` : text;
    return `\n--- stdout ---\n${tail(this.stdout)}\n--- stderr ---\n${tail(this.stderr)}`;
  }

  /**
   * Calls `probe` every `intervalMs` until it gives a value; fails with the output when the
   * process exits first or `timeoutMs` runs out (`what` names the wait).
   */
  async #until<T>(
    what: string,
    timeoutMs: number,
    intervalMs: number,
    probe: () => Promise<T | undefined>,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const value = await probe();
      if (value !== undefined) return value;
      if (this.exited) assert.fail(`the server exited (${this.exited.code})${this.transcript()}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    assert.fail(`${what} within ${timeoutMs / 1000} s${this.transcript()}`);
  }

  /** Polls `/ready` until 200; fails with the output when the process exits or time runs out. */
  async waitReady(timeoutMs: number): Promise<void> {
    await this.#until("not ready", timeoutMs, 500, () =>
      fetch(`${this.base}/ready`).then(
        async (response) => (await response.body?.cancel(), response.ok || undefined),
        () => undefined,
      ));
  }

  /** Waits for a log line whose message matches; fails with the output otherwise. */
  async waitForMessage(pattern: RegExp, timeoutMs: number): Promise<void> {
    await this.#until(
      `no log line matching ${pattern}`,
      timeoutMs,
      100,
      () => Promise.resolve(this.messages().some((m) => pattern.test(m.message)) || undefined),
    );
  }

  /** The first `/ready` answer once the server listens (connections refused until then). */
  firstReadiness(timeoutMs: number): Promise<{ status: number; body: ReadyBody }> {
    return this.#until("not listening", timeoutMs, 100, () =>
      fetch(`${this.base}/ready`).then(
        async (response) => ({ status: response.status, body: await response.json() }),
        () => undefined,
      ));
  }

  /** SIGTERM, then the exit status once both pipes are read to their end. */
  async stop(): Promise<Deno.CommandStatus> {
    if (!this.exited) this.#signal("SIGTERM");
    const status = await this.child.status;
    await this.#drained;
    return status;
  }

  /** Last resort after a failure: no process outlives the test. */
  async kill(): Promise<void> {
    if (!this.exited) this.#signal("SIGKILL");
    await this.child.status;
    await this.#drained;
  }

  #signal(signal: Deno.Signal): void {
    try {
      this.child.kill(signal);
    } catch {
      // It exited meanwhile.
    }
  }
}

async function servedVersions(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/v1/models`);
  assert.equal(response.status, 200);
  const { models } = await response.json();
  return Object.fromEntries(
    models.map((m: { name: string; version: string }) => [m.name, m.version]),
  );
}

async function assertPredictions(base: string, versions: Record<string, string>) {
  const triage = await fetch(`${base}/v1/models/ticket-triage/predict`, postJson(ticket));
  assert.equal(triage.status, 200);
  const triaged = await triage.json();
  assert.equal(triaged.model, "ticket-triage");
  assert.equal(triaged.version, versions["ticket-triage"]);
  assert.match(triaged.prediction_id, /^[0-9a-f-]{36}$/);
  for (const [head, classes] of [["topic", topics], ["urgency", urgencies]] as const) {
    const answer = triaged[head];
    assert.ok((classes as readonly string[]).includes(answer.label), JSON.stringify(answer));
    assert.deepEqual(Object.keys(answer.scores).sort(), [...classes].sort());
    const total = Object.values(answer.scores as Record<string, number>).reduce((a, b) => a + b);
    assert.ok(Math.abs(total - 1) < 1e-4);
    assert.equal(answer.confidence, answer.scores[answer.label]);
  }

  const churn = await fetch(`${base}/v1/models/churn/predict`, postJson(customer));
  assert.equal(churn.status, 200);
  const predicted = await churn.json();
  assert.equal(predicted.model, "churn");
  assert.equal(predicted.version, versions.churn);
  assert.match(predicted.prediction_id, /^[0-9a-f-]{36}$/);
  assert.ok(predicted.probability >= 0 && predicted.probability <= 1);
  assert.equal(typeof predicted.threshold, "number");
  assert.equal(predicted.prediction, predicted.probability >= predicted.threshold ? 1 : 0);
}

Deno.test("a fresh clone builds its missing models on first start and reuses them after", async () => {
  const temp = await Deno.makeTempDir({ prefix: "first-run-" });
  const clone = join(temp, "clone");
  const remote = join(temp, "empty-remote");
  let server: ServerProcess | undefined;
  try {
    await freshClone(clone);
    await Deno.mkdir(remote);
    const port = freePort();
    // Every variable the config reads is blanked (empty counts as unset), so nothing in the
    // caller's environment (a DATABASE_URL, API keys, another pointer) changes the outcome.
    const env = {
      ...Object.fromEntries(configVariables.map((name) => [name, ""])),
      HOST: "127.0.0.1",
      PORT: String(port),
      PGLITE_DIR: join(temp, "pglite"),
      DVC_REMOTE_URL: remote,
      LOG_LEVEL: "info",
    };
    const base = `http://127.0.0.1:${port}`;

    // Stopped while it builds: it stops at the pipeline's next step and exits cleanly, having
    // promoted nothing (its own database, so the run below starts from scratch).
    server = new ServerProcess(clone, base, { ...env, PGLITE_DIR: join(temp, "pglite-stopped") });
    await server.waitForMessage(/^▶ generate$/, 60_000);
    assert.equal((await server.stop()).code, 0, server.transcript());
    const stopped = server.messages().map((m) => m.message);
    const shutdown = stopped.findIndex((m) => m.startsWith("Shutting down"));
    assert.ok(shutdown > 0, server.transcript());
    assert.ok(!stopped.slice(shutdown).some((m) => m.startsWith("▶")), server.transcript());
    assert.ok(stopped.includes("Stopped building the models: the server is shutting down"));
    assert.ok(!stopped.includes("▶ register"), server.transcript());
    // The clone had no folder for the pointer: it was made and watched, so the pointer the
    // build writes, and any later promotion, is served without a restart.
    assert.ok(!stopped.some((m) => m.startsWith("Not watching")), server.transcript());
    assert.ok((await Deno.stat(join(clone, pointerPath, ".."))).isDirectory);

    // Then the clone's pointer pins versions that no remote serves, as after a promotion
    // committed elsewhere: the build pins its own versions in their place.
    const unreachable: Record<string, string> = {
      "ticket-triage": "20260101T000000Z-00000000",
      churn: "20260101T000000Z-11111111",
    };
    await pinAndCommit(clone, unreachable);

    server = new ServerProcess(clone, base, env);
    // It listens before building, so `/ready` explains the wait instead of refusing.
    const during = await server.firstReadiness(60_000);
    assert.equal(during.status, 503, JSON.stringify(during.body));
    for (const model of ["ticket-triage", "churn"]) {
      assert.match(during.body.checks[`model:${model}`], /building|no version pinned/);
    }
    await server.waitReady(6 * 60_000);
    const first = server.messages().map((m) => m.message);
    const building = first.findIndex((m) => /cannot be had.*building/i.test(m));
    assert.ok(building >= 0, `no "building" line${server.transcript()}`);
    const warning = server.messages()[building];
    const missing = warning.models as { name: string; problem: string }[];
    assert.deepEqual(missing.map((m) => m.name).sort(), ["churn", "ticket-triage"]);
    for (const { name, problem } of missing) assert.ok(problem.includes(unreachable[name]));
    const listening = first.findIndex((m) => m.startsWith("Listening on"));
    for (const step of ["generate", "snapshot", "train ticket-triage", "train churn", "register"]) {
      const at = first.indexOf(`▶ ${step}`);
      assert.ok(listening < building && building < at, `step "${step}"${server.transcript()}`);
    }
    assert.match(server.stderr, /epoch +\d+\/\d+ .*100%/, "training progress on stderr");
    const versions = await servedVersions(base);
    assert.deepEqual(Object.keys(versions).sort(), ["churn", "ticket-triage"]);
    await assertPredictions(base, versions);
    const pointer = await readPointer(join(clone, pointerPath));
    const messages = server.messages();
    for (const [name, version] of Object.entries(versions)) {
      assert.notEqual(version, unreachable[name]);
      assert.equal(pointer?.models[name].version, version);
      const message = `The model pointer now pins ${name} ${version}, built on this machine`;
      const line = messages.find((m) => m.message === message);
      assert.equal(line?.replaced, unreachable[name], server.transcript());
    }
    assert.equal(await run(clone, "git", ["diff", "--name-only"]), `${pointerPath}\n`);
    // A stand-in built on one machine stays in its local cache.
    assert.deepEqual(await Array.fromAsync(Deno.readDir(remote)), []);
    assert.equal((await server.stop()).code, 0, server.transcript());

    // A few seconds unloaded; the margin is for a busy machine, not for another build.
    server = new ServerProcess(clone, base, env);
    await server.waitReady(60_000);
    const again = server.messages().map((m) => m.message);
    assert.ok(!again.some((m) => /building|^▶/i.test(m)), `rebuilt${server.transcript()}`);
    assert.deepEqual(await servedVersions(base), versions);
    await assertPredictions(base, versions);
    assert.equal((await server.stop()).code, 0, server.transcript());

    // Only churn's pin cannot be had: only churn is built, ticket-triage keeps its version.
    await pinAndCommit(clone, { churn: unreachable.churn });
    server = new ServerProcess(clone, base, env);
    await server.waitReady(3 * 60_000);
    const partial = server.messages().map((m) => m.message);
    assert.ok(partial.includes("▶ train churn"), server.transcript());
    assert.ok(!partial.includes("▶ train ticket-triage"), server.transcript());
    const rebuilt = await servedVersions(base);
    assert.equal(rebuilt["ticket-triage"], versions["ticket-triage"]);
    assert.notEqual(rebuilt.churn, versions.churn);
    assert.notEqual(rebuilt.churn, unreachable.churn);
    await assertPredictions(base, rebuilt);
    assert.equal((await server.stop()).code, 0, server.transcript());
  } finally {
    await server?.kill();
    // The links go first so nothing can reach through them into the real project.
    for (const name of [".venv", "node_modules"]) {
      await Deno.remove(join(clone, name)).catch(() => {});
    }
    await Deno.remove(temp, { recursive: true });
  }
});
