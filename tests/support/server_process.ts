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
