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

/** Runs wrk against `url` (bounded by `seconds`) with the Lua script at `script`. */
export async function runWrk(
  url: string,
  script: string,
  { seconds = 10, threads = 2, connections = 32 } = {},
): Promise<LoadResult> {
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--timeout", "5s"];
  const output = await new Deno.Command("wrk", {
    args: [...args, "--latency", "-s", script, url],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout);
  if (!output.success) throw new Error(`wrk failed: ${new TextDecoder().decode(output.stderr)}`);
  return parseWrk(text);
}
