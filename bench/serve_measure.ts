/**
 * The load tests of `deno task bench:serve` on running servers: warm-up and fixed rate per
 * server, then interleaved max-throughput rounds, each server alone on the CPUs in turn.
 */
import { fixedRate, type FixedRateResult } from "./serve_fixed_rate.ts";
import { type LoadResult, runWrk, tickets } from "./serve_load.ts";
import { residentMB, type Server, waitQuiet } from "./serve_processes.ts";
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

/** Warm-up, fixed rate, then interleaved max-throughput rounds; each server alone in turn. */
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
    r.runs.push(await runWrk(r.url, script, { seconds: 3 }));
    await waitQuiet(servers);
    fixed.set(r, await fixedRate(r.url, tickets, options));
  }
  const rounds = new Map(all.map((r) => [r, [] as LoadResult[]]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const r of all) {
      await waitQuiet(servers);
      const result = await runWrk(r.url, script, { seconds: options.seconds });
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
      max: byRate[Math.floor(byRate.length / 2)],
      rounds: runs.map((run) => run.requestsPerSecond),
      fixed: fixed.get(r)!,
      errors: phases.reduce((sum, run) => sum + run.errors, 0),
      rssIdleMB: r.rssIdleMB,
      rssMB: await residentMB(r.server.child.pid),
    });
    r.runs = phases;
  }
  return results;
}
