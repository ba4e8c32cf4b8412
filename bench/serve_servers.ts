/**
 * The three servers of `deno task bench:serve` (ours, the Hono hello-world, FastAPI) and the
 * start-to-first-prediction measurement of ours.
 */
import { join } from "node:path";
import { root } from "./bench_support.ts";
import { databaseCpuSeconds, type Postgres } from "./serve_postgres.ts";
import type { Stage } from "./stage_server.ts";
import { tickets } from "./serve_load.ts";
import {
  freePort,
  logFile,
  type Server,
  spawnServer,
  stopServer,
  waitFor,
} from "./serve_processes.ts";
import { denoRun, python, startTask, type Workspace } from "./serve_workspace.ts";

/** How to start one server and where to send its predictions. */
export interface ServerSpec {
  name: string;
  label: string;
  /** The row's name in the short tables; the label up to its first colon when absent. */
  short?: string;
  command: string;
  args: (port: number) => string[];
  cwd: string;
  env: Record<string, string>;
  /** GET path answering 200 once the server can predict. */
  ready: string;
  readyTimeoutMs: number;
  /** POST path of one prediction. */
  predict: string;
  /** Prometheus path exposing the prediction log's backlog, for servers that log. */
  logMetrics?: string;
  /** CPU seconds used so far by its database when that runs in other processes. */
  databaseCpuSeconds?: () => Promise<number>;
}

/**
 * Settings from the caller's environment that would change what is measured (another
 * database, authentication, an LLM, other artifacts); empty counts as unset.
 */
const neutral = Object.fromEntries(
  ["DATABASE_URL", "API_KEYS", "ADMIN_API_KEYS", "LLM_BASE_URL", "MODEL_POINTER_PATH"]
    .concat(["DVC_CACHE_DIR", "DVC_REMOTE_URL", "HOST"]).map((key) => [key, ""]),
);

/**
 * Ours as the start task of `<base>/deno.json` runs `<base>/src/main.ts` (`base`: the
 * repository, or a checkout of another revision) in the workspace, on its database.
 */
export function oursSpec(ws: Workspace, base = root): ServerSpec {
  const task = startTask(join(base, "deno.json"));
  return {
    name: "ours",
    label: "ours, PGlite: `deno task start`, ticket-triage, logging on",
    command: Deno.execPath(),
    args: () => denoRun("src/main.ts", task.v8Flags, base),
    cwd: ws.root,
    env: { ...neutral, ...task.env, PGLITE_DIR: ws.pglite, LOG_LEVEL: "warn" },
    ready: "/ready",
    readyTimeoutMs: 60_000,
    predict: "/v1/models/ticket-triage/predict",
    logMetrics: "/metrics",
  };
}

/** The specs of ours, the hello-world and FastAPI for a prepared workspace. */
export function serverSpecs(
  ws: Workspace,
): { ours: ServerSpec; hello: ServerSpec; fastapi: ServerSpec } {
  return {
    ours: oursSpec(ws),
    hello: {
      name: "hello",
      label: "Hono hello-world (`bench/hello_hono.ts`)",
      command: Deno.execPath(),
      args: () => denoRun("bench/hello_hono.ts"),
      cwd: root,
      env: {},
      ready: "/health",
      readyTimeoutMs: 30_000,
      predict: "/predict",
    },
    fastapi: {
      name: "fastapi",
      label: "FastAPI + uvicorn + scikit-learn (`bench/fastapi_service.py`)",
      command: python,
      args: (port) => [
        ...["-m", "uvicorn", "fastapi_service:app", "--app-dir", join(root, "bench")],
        ...["--host", "127.0.0.1", "--port", String(port), "--workers", "1"],
        ...["--log-level", "warning"],
      ],
      cwd: ws.root,
      // No bench/__pycache__ left in the repository.
      env: { TICKETS_FILE: join(ws.root, "data/tickets.jsonl"), PYTHONDONTWRITEBYTECODE: "1" },
      ready: "/health",
      readyTimeoutMs: 180_000,
      predict: "/predict",
    },
  };
}

/** Ours on Postgres: `DATABASE_URL` through the WebSocket proxy, as with Neon. */
export function oursOnPostgres(ours: ServerSpec, postgres: Postgres): ServerSpec {
  return {
    ...ours,
    name: "ours-postgres",
    label: "ours, Postgres: same, `DATABASE_URL` via `scripts/ws_proxy.ts`",
    env: { ...ours.env, DATABASE_URL: postgres.url, DATABASE_WS_PROXY: postgres.wsProxy },
    databaseCpuSeconds: () => databaseCpuSeconds(postgres),
  };
}

const stageLabels: Record<Stage, string> = {
  validated: "ours, validation only: `bench/stage_server.ts`, the route's body read and zod " +
    "validation, the hello-world's answer",
  unlogged: "ours, not logged: `bench/stage_server.ts`, the whole server (PGlite), its " +
    "prediction log discarded",
};

/**
 * Ours cut short at `stage` (`bench/stage_server.ts`), run as the start task runs ours, on a
 * copy of the workspace's database in `pgliteDir` (PGlite locks its directory, and a new one's
 * initdb alone would set the peak memory): the CPU ladder between the hello-world and ours.
 */
export function oursAtStage(ours: ServerSpec, stage: Stage, pgliteDir: string): ServerSpec {
  return {
    ...ours,
    name: `stage-${stage}`,
    label: stageLabels[stage],
    args: () => denoRun("bench/stage_server.ts", startTask().v8Flags),
    env: { ...ours.env, STAGE: stage, PGLITE_DIR: pgliteDir },
    ready: stage === "validated" ? "/health" : ours.ready,
    logMetrics: undefined,
  };
}

/** Ours on Postgres with V8's default heap sizing: the throughput side of the trade-off. */
export function withV8Defaults(ours: ServerSpec): ServerSpec {
  return {
    ...ours,
    name: `${ours.name}-v8-defaults`,
    label: "ours, Postgres, V8 defaults: same, without the start task's V8 flags",
    args: () => denoRun("src/main.ts"),
  };
}

/**
 * Ours on PGlite with V8's optimising compiler for WebAssembly (the start task's flags without
 * the `wasm` ones): the throughput side of that trade-off. PGlite locks its directory, so this
 * server gets a copy of the workspace's database in `pgliteDir`.
 */
export function withWasmOptimised(ours: ServerSpec, pgliteDir: string): ServerSpec {
  const flags = startTask().v8Flags.map((arg) =>
    arg.split(",").filter((flag) => !flag.includes("wasm")).join(",")
  );
  return {
    ...ours,
    name: `${ours.name}-wasm-optimised`,
    label: `ours, PGlite, WebAssembly optimised: same, \`${flags.join(" ")}\` only`,
    args: () => denoRun("src/main.ts", flags),
    env: { ...ours.env, PGLITE_DIR: pgliteDir },
  };
}

/** Starts a server on a free port (PORT is set for those that read it); returns once ready. */
export async function startServer(spec: ServerSpec, ws: Workspace): Promise<Server> {
  const port = freePort();
  const server = await spawnServer(spec.name, spec.command, spec.args(port), {
    cwd: spec.cwd,
    env: { ...spec.env, PORT: String(port) },
    port,
    logPath: logFile(ws.logs, spec.name),
  });
  await waitFor(server, spec.ready, spec.readyTimeoutMs);
  return server;
}

/** POSTs one ticket; throws naming the server when the answer is not a 200. */
export async function predictOnce(server: Server, spec: ServerSpec): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${server.port}${spec.predict}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(tickets[0]),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${spec.name}: POST ${spec.predict} answered ${response.status}: ${text}`);
  }
  return JSON.parse(text);
}

/**
 * Seconds from spawning our server to its first successful prediction: the clock starts
 * before the spawn, `/ready` is polled every 10 ms, then one ticket is POSTed.
 */
export async function startToFirstPrediction(spec: ServerSpec, ws: Workspace): Promise<number> {
  const started = performance.now();
  const server = await startServer(spec, ws);
  try {
    await predictOnce(server, spec);
    return (performance.now() - started) / 1000;
  } finally {
    await stopServer(server);
  }
}
