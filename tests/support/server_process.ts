/** Helpers for tests that run the server as a child process on loopback. */
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** How this machine reaches the package registries: its proxies and the CAs it trusts. */
const networkVariables = [
  "HTTPS_PROXY",
  "HTTP_PROXY",
  "NO_PROXY",
  "DENO_CERT",
  "DENO_TLS_CA_STORE",
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
];

/**
 * Only the given variables, plus where to find programs, home, Deno's cache and the network
 * settings (a package missing from the cache is downloaded as on the host).
 */
export function isolatedEnv(vars: Record<string, string>): Record<string, string> {
  const keep = ["HOME", "DENO_DIR", "PATH", ...networkVariables].flatMap((name) => {
    const value = Deno.env.get(name);
    return value ? [[name, value]] : [];
  });
  return { ...Object.fromEntries(keep), ...vars };
}

/** Every path under `root`, relative to it, directories with a trailing slash. */
export async function listTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .map((e) => relative(root, join(e.parentPath, e.name)) + (e.isDirectory() ? "/" : ""))
    .sort();
}

/** Polls `${base}/ready` until it answers 200; fails with its last answer after `timeoutMs`. */
export async function waitUntilReady(base: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(5_000) })
      .catch(() => undefined);
    if (response?.ok) return response;
    if (response) last = `${response.status} ${await response.text()}`;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready after ${timeoutMs} ms: ${last}`);
}

/** A server child process of this Deno, everything it prints collected. */
export interface CapturedServer {
  child: Deno.ChildProcess;
  /** All it printed (stdout then stderr), once it has exited. */
  output: Promise<string>;
}

/** Starts this Deno with `args` in `cwd` with exactly `env`, collecting what it prints. */
export function spawnCaptured(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
): CapturedServer {
  const child = new Deno.Command(Deno.execPath(), {
    args: [...args],
    cwd,
    env,
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()])
    .then(([out, err]) => out + err);
  return { child, output };
}

/**
 * `/ready`'s 200 answer once the server gives it; fails with all the server printed when it
 * exits first or is not ready within a minute (then it is killed).
 */
export function readyOrExit(server: CapturedServer, base: string): Promise<Response> {
  const { child, output } = server;
  return Promise.race([
    waitUntilReady(base, 60_000).catch(async (error) => {
      try {
        child.kill("SIGKILL");
      } catch {
        // Exited already.
      }
      throw new Error(`${error.message}\n${await output}`);
    }),
    child.status.then(async (status) => {
      throw new Error(`the server exited (${status.code}) before ready:\n${await output}`);
    }),
  ]);
}

/** Runs this Deno with `args` and exactly `env` to its exit: the code and all it printed. */
export async function runDeno(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env,
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    output: decoder.decode(output.stdout) + decoder.decode(output.stderr),
  };
}

/** A `deno.json` task that runs one Deno program: its variables and Deno's arguments. */
export interface DenoTask {
  /** `NAME=value` assignments before `deno`. */
  env: Record<string, string>;
  /** What follows `deno`: the subcommand, its flags, the program and the program's arguments. */
  args: string[];
}

/**
 * The task `name` of the `deno.json` at `configPath`, when it is one Deno command: variables,
 * then `deno` and plain words (no quotes, redirects, pipes or `&&`), which is how the
 * permission tests can run exactly what `deno task` runs.
 */
export function denoTask(configPath: string, name: string): DenoTask {
  const command = JSON.parse(Deno.readTextFileSync(configPath)).tasks?.[name];
  if (typeof command !== "string") throw new Error(`deno.json has no task "${name}"`);
  if (/["'`$|&;<>\\]/.test(command)) {
    throw new Error(`task "${name}" is not one plain deno command: ${command}`);
  }
  const words = command.trim().split(/\s+/);
  const at = words.indexOf("deno");
  const assignments = words.slice(0, at === -1 ? 0 : at);
  if (at === -1 || !assignments.every((word) => /^[A-Z_][A-Z0-9_]*=/.test(word))) {
    throw new Error(`task "${name}" does not run deno: ${command}`);
  }
  return {
    env: Object.fromEntries(assignments.map((word) => {
      const split = word.indexOf("=");
      return [word.slice(0, split), word.slice(split + 1)];
    })),
    args: words.slice(at + 1),
  };
}

/**
 * The permission flags among Deno's `args` (subcommand first, then flags up to the program),
 * by name: `--allow-read=a,b` gives `allow-read` -> "a,b", a bare `--allow-net` gives true,
 * and `-A` is `allow-all`.
 */
export function permissionFlags(args: readonly string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (const arg of args.slice(1)) {
    if (!arg.startsWith("-")) break; // the program: what follows is its own
    if (arg === "-A") flags.set("allow-all", true);
    const match = /^--((?:allow|deny)-[a-z]+)(?:=(.*))?$/.exec(arg);
    if (match) flags.set(match[1], match[2] ?? true);
  }
  return flags;
}
