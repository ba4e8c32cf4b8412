/**
 * The Postgres side of `deno task bench:serve`: a scratch database on a plain Postgres (made
 * and dropped with `psql`), and `scripts/ws_proxy.ts` as a separate process so our server
 * reaches it through the Neon serverless driver, as in production.
 */
import { root } from "./bench_support.ts";
import {
  cpuSeconds,
  cpuSecondsOf,
  freePort,
  logFile,
  logTail,
  type Server,
  spawnServer,
} from "./serve_processes.ts";
import { denoRun, type Workspace } from "./serve_workspace.ts";

/** A scratch database and the proxy in front of it. */
export interface Postgres {
  /** The scratch database's URL, for `DATABASE_URL`. */
  url: string;
  /** `127.0.0.1:<port>` of the proxy, for `DATABASE_WS_PROXY`. */
  wsProxy: string;
  proxy: Server;
}

/**
 * Runs SQL with `psql` on `url`: statements, or a script with psql's meta-commands (`\copy`,
 * `\!`), read from standard input. Returns its unaligned output.
 */
export async function psql(url: string, script: string, timeoutMs = 30_000): Promise<string> {
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trim();
  const summary = script.trim().split("\n")[0];
  try {
    const child = new Deno.Command("psql", {
      args: [url, "-X", "-v", "ON_ERROR_STOP=1", "-At", "-f", "-"],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(timeoutMs),
    }).spawn();
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(script));
    await writer.close();
    const output = await child.output();
    if (output.success) return decode(output.stdout);
    throw new Error(`psql "${summary}" failed: ${decode(output.stderr)}`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error("Cannot run psql: install postgresql-client");
    }
    throw error;
  }
}

const withDatabase = (base: string, name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.href;
};

/**
 * Creates a scratch database on the Postgres at `base` (`postgres://user@host:port`) and
 * starts the proxy; the proxy is stopped by `stopAll`, the database by
 * `dropScratch` (also here when the proxy fails to start).
 */
export async function startPostgres(base: string, ws: Workspace): Promise<Postgres> {
  const name = `bench_serve_${Date.now()}`;
  await psql(withDatabase(base, "postgres"), `create database ${name}`);
  const url = withDatabase(base, name);
  try {
    return await startProxy(url, ws);
  } catch (error) {
    await dropScratch(url).catch(() => {});
    throw error;
  }
}

/** Starts `scripts/ws_proxy.ts` on a free port and waits until it listens. */
async function startProxy(url: string, ws: Workspace): Promise<Postgres> {
  const port = freePort();
  const proxy = await spawnServer("ws_proxy", Deno.execPath(), [
    ...denoRun("scripts/ws_proxy.ts"),
    ...["--port", String(port)],
  ], { cwd: root, env: {}, port, logPath: logFile(ws.logs, "ws_proxy") });
  const wsProxy = `127.0.0.1:${port}`;
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline && !proxy.ended) {
    // Any answer will do (a plain GET gets a 400): the proxy is listening.
    const response = await fetch(`http://${wsProxy}/`).catch(() => undefined);
    await response?.body?.cancel();
    if (response) return { url, wsProxy, proxy };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The WebSocket proxy did not start; its log ends with:\n${await logTail(proxy)}`);
}

/**
 * CPU seconds used so far by the database side of ours on Postgres: every Postgres process
 * (the server's connections and the cluster's background work) and the proxy.
 */
export async function databaseCpuSeconds(postgres: Postgres): Promise<number> {
  return await cpuSecondsOf("postgres") + await cpuSeconds(postgres.proxy.child.pid);
}

/** Rows in `prediction_requests` of the scratch database. */
export async function loggedPostgres(postgres: Postgres): Promise<number> {
  return Number(await psql(postgres.url, "select count(*) from prediction_requests"));
}

/** Drops the scratch database (no server may still be connected to it). */
export async function dropScratch(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await psql(withDatabase(url, "postgres"), `drop database if exists ${name} with (force)`);
}
