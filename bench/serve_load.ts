/**
 * Load generation of `deno task bench:serve` with `wrk`: the maximum throughput (closed loop,
 * POST bodies rotated by a Lua script) on 127.0.0.1, and the tickets every generator sends.
 */

/** Realistic tickets (English and French), rotated request after request. */
export const tickets = [
  {
    subject: "VPN drops every hour",
    body: "Since this morning the VPN disconnects every hour and I lose my remote session.",
    channel: "email",
  },
  {
    subject: "Imprimante du 3e étage bloquée",
    body: "L'imprimante affiche un bourrage papier mais il n'y a rien dedans, urgent pour la paie.",
    channel: "portal",
  },
  {
    subject: "Locked out of my account",
    body: "I typed my password wrong too many times and now my account is locked. Please reset.",
    channel: "chat",
  },
  {
    subject: "Outlook ne synchronise plus",
    body: "Mes courriels n'arrivent plus dans Outlook depuis hier soir, le webmail fonctionne.",
    channel: "email",
  },
  {
    subject: "Laptop screen flickering",
    body: "My laptop screen flickers and goes black when I move the lid, I have a demo at 3pm.",
    channel: "phone",
  },
];

/** One load test's outcome: throughput, latency quantiles (ms) and failures. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** 2xx answers. */
  ok: number;
  /** Non-2xx answers, socket errors and timeouts. */
  errors: number;
  /** Seconds the server took after the run to write its prediction log backlog. */
  drainSeconds?: number;
}

/** A wrk run: the load result and the CPU time behind it (user + system seconds). */
export interface WrkResult extends LoadResult {
  /** What wrk itself used. */
  generatorCpuSeconds: number;
  /** What the server used over the run and its drain, and its database's, when apart. */
  serverCpuSeconds?: number;
  databaseCpuSeconds?: number;
}

/** A Lua script for wrk that POSTs the tickets as JSON bodies, in rotation. */
export function wrkScript(bodies: readonly unknown[]): string {
  const items = bodies.map((body) => `  [==[${JSON.stringify(body)}]==],`);
  return [
    "local bodies = {",
    ...items,
    "}",
    "local i = 0",
    'wrk.method = "POST"',
    'wrk.headers["Content-Type"] = "application/json"',
    "request = function()",
    "  i = i % #bodies + 1",
    "  return wrk.format(nil, nil, nil, bodies[i])",
    "end",
    "",
  ].join("\n");
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Parses wrk's `--latency` report. */
export function parseWrk(output: string): LoadResult {
  const number = (re: RegExp) => Number(output.match(re)?.[1] ?? NaN);
  const quantile = (q: string) => {
    const match = output.match(new RegExp(`^\\s*${q}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    return match ? Number(match[1]) * unitMs[match[2]] : NaN;
  };
  const socket = output.match(
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/,
  );
  const non2xx = Number(output.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  const requestsPerSecond = number(/^Requests\/sec:\s+([\d.]+)/m);
  if (!Number.isFinite(requestsPerSecond)) throw new Error(`Cannot parse wrk's output:\n${output}`);
  return {
    requestsPerSecond,
    p50: quantile("50"),
    p99: quantile("99"),
    ok: number(/^\s*(\d+) requests in/m) - non2xx,
    errors: non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

/** The installed wrk's version line, or undefined when wrk is missing. */
export async function wrkVersion(): Promise<string | undefined> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("wrk", { args: ["-v"], stdout: "piped", stderr: "piped" })
      .output();
  } catch {
    return undefined; // not on PATH
  }
  const text = new TextDecoder().decode(output.stdout) + new TextDecoder().decode(output.stderr);
  return text.match(/^wrk (\S+)/m)?.[1] ?? "unknown";
}

/** CPU seconds of a shell's children, from the second line of bash's `times`. */
export function parseTimes(output: string): number {
  const line = output.trim().split("\n").at(-1) ?? "";
  const match = line.match(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/);
  if (!match) throw new Error(`Cannot parse the output of bash's times: "${line}"`);
  const [, userMin, userSec, sysMin, sysSec] = match.map(Number);
  return userMin * 60 + userSec + sysMin * 60 + sysSec;
}

/**
 * Runs wrk against `url` (bounded by `seconds`) with the Lua script at `script`, under bash,
 * whose `times` then reports the CPU wrk used (its share of the machine's cores).
 */
export async function runWrk(
  url: string,
  script: string,
  { seconds = 10, threads = 2, connections = 32 } = {},
): Promise<WrkResult> {
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--timeout", "5s"];
  const output = await new Deno.Command("bash", {
    args: ["-c", 'wrk "$@" && times >&2', "wrk", ...args, "--latency", "-s", script, url],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout);
  const errors = new TextDecoder().decode(output.stderr);
  if (!output.success) throw new Error(`wrk failed: ${errors}`);
  return { ...parseWrk(text), generatorCpuSeconds: parseTimes(errors) };
}
