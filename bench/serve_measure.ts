/**
 * The load tests of `deno task bench:serve` on running servers: warm-up and fixed rate per
 * server, then interleaved max-throughput rounds, each server alone on the CPUs in turn.
 */
import { fixedRate, type FixedRateResult } from "./serve_fixed_rate.ts";
import { type LoadResult, runWrk, tickets, type WrkResult } from "./serve_load.ts";
import {
  cpuSeconds,
  logTail,
  resetPeakResident,
  residentMB,
  type Server,
  waitQuiet,
} from "./serve_processes.ts";
import type { ServerBench } from "./serve_results.ts";
import type { ServerSpec } from "./serve_servers.ts";

/** Load settings of one run. */
export interface LoadOptions {
  rate: number;
  seconds: number;
  rounds: number;
}

/** A started server; `runs` collects every load phase it went through. */
export interface Running {
  spec: ServerSpec;
  server: Server;
  url: string;
  /** VmRSS right after the start and one prediction, in MB. */
  rssIdleMB: number;
  runs: LoadResult[];
}

/** Fails naming the server and how it ended when it is no longer running. */
async function ensureRunning(r: Running): Promise<void> {
  if (!r.server.ended) return;
  throw new Error(
    `Server "${r.spec.name}" stopped during the load tests (${r.server.ended}); its log ends with:\n${await logTail(
      r.server,
    )}`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Seconds until a logging server has written every prediction it answered: responses
 * never wait for the database, so a run can end with a backlog still in memory or spilled.
 */
async function drainSeconds(r: Running): Promise<number> {
  if (!r.spec.logMetrics) return 0;
  const started = performance.now();
  const url = new URL(r.spec.logMetrics, r.url);
  for (;;) {
    const text = await (await fetch(url)).text();
    const gauge = (name: string) => Number(text.match(new RegExp(`^${name} (\\S+)$`, "m"))?.[1]);
    if (gauge("prediction_log_queue_depth") === 0 && gauge("prediction_log_spilled") === 0) {
      return (performance.now() - started) / 1000;
    }
    if (performance.now() - started > 300_000) {
      throw new Error(`${r.spec.name}: the prediction log did not drain within 5 minutes`);
    }
    await sleep(20);
  }
}

/**
 * wrk against one server; a failure says whether the server is gone. For a logging server
 * the rate counts the time to write its backlog too, so it is a rate it can sustain.
 */
async function wrk(r: Running, script: string, seconds: number): Promise<WrkResult> {
  const cpu = () =>
    Promise.all([cpuSeconds(r.server.child.pid), r.spec.databaseCpuSeconds?.() ?? 0]);
  const [serverBefore, databaseBefore] = await cpu();
  let result: WrkResult;
  try {
    result = await runWrk(r.url, script, { seconds });
  } catch (error) {
    await sleep(200);
    await ensureRunning(r);
    throw error;
  }
  const drain = await drainSeconds(r);
  const [serverAfter, databaseAfter] = await cpu();
  const requestsPerSecond = result.requestsPerSecond * seconds / (seconds + drain);
  return {
    ...result,
    requestsPerSecond,
    drainSeconds: drain,
    serverCpuSeconds: serverAfter - serverBefore,
    ...(r.spec.databaseCpuSeconds ? { databaseCpuSeconds: databaseAfter - databaseBefore } : {}),
  };
}

/**
 * Warm-up, fixed rate, then interleaved max-throughput rounds; each server alone in turn.
 * VmHWM is reset before each round and read after it: the peak of every round, and with the
 * reads before the resets and at the end, the peak of the whole run.
 */
export async function measure(
  all: Running[],
  script: string,
  options: LoadOptions,
): Promise<Map<Running, ServerBench>> {
  const servers = all.map((r) => r.server);
  const fixed = new Map<Running, FixedRateResult>();
  for (const r of all) {
    await waitQuiet(servers);
    console.log(
      `  ${r.spec.name}: warm-up 3 s, then ${options.rate} req/s for ${options.seconds} s`,
    );
    r.runs.push(await wrk(r, script, 3));
    await waitQuiet(servers);
    fixed.set(r, await fixedRate(r.url, tickets, options));
    await ensureRunning(r);
  }
  const rounds = new Map(all.map((r) => [r, [] as WrkResult[]]));
  const peaks = new Map(all.map((r) => [r, { outside: 0, rounds: [] as number[] }]));
  const peakMB = (r: Running) => residentMB(r.server.child.pid, "VmHWM");
  for (let round = 1; round <= options.rounds; round++) {
    for (const r of all) {
      await waitQuiet(servers);
      const peak = peaks.get(r)!;
      peak.outside = Math.max(peak.outside, await peakMB(r));
      const reset = await resetPeakResident(r.server.child.pid);
      const result = await wrk(r, script, options.seconds);
      if (reset) peak.rounds.push(await peakMB(r));
      console.log(
        `  round ${round}, ${r.spec.name}: ${Math.round(result.requestsPerSecond)} req/s`,
      );
      rounds.get(r)!.push(result);
    }
  }
  await waitQuiet(servers);
  const results = new Map<Running, ServerBench>();
  for (const r of all) {
    const runs = rounds.get(r)!;
    const byRate = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const phases = [...r.runs, ...runs, fixed.get(r)!];
    results.set(r, {
      label: r.spec.label,
      short: r.spec.short,
      max: byRate[Math.floor(byRate.length / 2)],
      rounds: runs.map((run) => run.requestsPerSecond),
      fixed: fixed.get(r)!,
      errors: phases.reduce((sum, run) => sum + run.errors, 0),
      rssIdleMB: r.rssIdleMB,
      rssMB: await residentMB(r.server.child.pid),
      rssPeakMB: Math.max(peaks.get(r)!.outside, await peakMB(r)),
      roundPeaksMB: peaks.get(r)!.rounds,
    });
    r.runs = phases;
  }
  return results;
}
