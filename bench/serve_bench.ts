/**
 * Serving benchmark: our server against a bare Hono hello-world and a FastAPI + scikit-learn
 * service, side by side in one run on 127.0.0.1 (wrk for the maximum throughput, an open-loop
 * generator for the latency at a fixed rate), plus start to first prediction and resident
 * memory. Writes the "Serving" section of bench/RESULTS.md and prints a summary.
 * Ours runs twice: on embedded PGlite and on Postgres (a scratch database, reached through
 * `scripts/ws_proxy.ts` with the Neon driver, as in production). `--baseline <revision>` adds
 * ours run from that revision's source, beside ours in every phase, and judges ours against it.
 *   deno task bench:serve [--rate 100] [--seconds 10] [--rounds 3] [--keep DIR]
 *     [--postgres postgres://postgres@127.0.0.1:5432] [--baseline REV]
 */
import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { initTensorflow } from "../src/ml/inference/backend.ts";
import { machineInfo, root } from "./bench_support.ts";
import { tickets, wrkScript, wrkVersion } from "./serve_load.ts";
import { type LoadOptions, measure, type Running } from "./serve_measure.ts";
import { residentMB, stopAll, stopAllOnInterrupt, stopServer } from "./serve_processes.ts";
import { type ServingBench, servingSection, servingSummary } from "./serve_results.ts";
import { dropScratch, loggedPostgres, type Postgres, startPostgres } from "./serve_postgres.ts";
import { ingestFloor } from "./serve_ingest_floor.ts";
import { stages } from "./stage_server.ts";
import {
  type Baseline,
  checkoutBaseline,
  oursAtBaseline,
  removeBaseline,
  resolveRevision,
} from "./serve_baseline.ts";
import {
  oursAtStage,
  oursOnPostgres,
  predictOnce,
  serverSpecs,
  startServer,
  startToFirstPrediction,
  withV8Defaults,
  withWasmOptimised,
} from "./serve_servers.ts";
import {
  loggedPredictions,
  preparePipeline,
  pythonVersions,
  startTask,
  workspaceIn,
} from "./serve_workspace.ts";
import { header, mergeResults } from "./train_results.ts";

/** Options of one run. */
export interface ServeBenchOptions extends LoadOptions {
  /** Keep (or reuse) the workspace in this directory instead of a removed temporary one. */
  keep?: string;
  /** The Postgres for the "ours, Postgres" row: `postgres://user@host:port`. */
  postgres: string;
  /** A git revision whose ours runs beside ours, to show no regression beyond noise. */
  baseline?: string;
}

/** Runs the whole benchmark; every server it started is stopped, also on failure. */
export async function serveBench(options: ServeBenchOptions): Promise<ServingBench> {
  const wrk = await wrkVersion();
  if (!wrk) {
    throw new Error(
      "wrk is not installed; install it with `apt-get install -y wrk` (Debian/Ubuntu)",
    );
  }
  const versions = { wrk, ...(await pythonVersions()) };
  const revision = options.baseline ? await resolveRevision(options.baseline) : undefined;
  const dir = options.keep ?? await Deno.makeTempDir({ prefix: "bench-serve-" });
  const ws = await workspaceIn(dir);
  const script = join(ws.dir, "post_tickets.lua");
  await Deno.writeTextFile(script, wrkScript(tickets));
  let baseline: Baseline | undefined;
  stopAllOnInterrupt(() => removeBaseline(join(dir, "baseline")));
  let postgres: Postgres | undefined;
  try {
    if (revision) {
      baseline = await checkoutBaseline(revision, dir);
      console.log(`Baseline ${baseline.short} (${baseline.subject}) checked out: ${baseline.dir}`);
    }
    console.log(`Workspace ${ws.root}: running the pipeline (about a minute) ...`);
    console.log(`  ${await preparePipeline(ws)}`);
    const baselineWs = baseline && await workspaceIn(join(dir, `baseline-${baseline.short}`));
    if (baseline && baselineWs) {
      console.log(`Workspace ${baselineWs.root}: the pipeline of ${baseline.short} ...`);
      console.log(`  ${await preparePipeline(baselineWs, baseline.dir)}`);
    }
    const specs = serverSpecs(ws);
    postgres = await startPostgres(options.postgres, ws);
    const oursPg = oursOnPostgres(specs.ours, postgres);
    // PGlite locks its directory: the servers beside ours each get a copy of its database.
    const copyOfDatabase = async (name: string) => {
      const dir = `${ws.pglite}-${name}`;
      await rm(dir, { recursive: true, force: true }); // from a kept earlier run
      await cp(ws.pglite, dir, { recursive: true });
      return dir;
    };
    const optimisedDir = await copyOfDatabase("wasm-optimised");
    const stageDirs = await Promise.all(stages.map(copyOfDatabase));
    const baselineSpec = baseline && baselineWs && oursAtBaseline(baselineWs, baseline);
    const startToFirst = { pglite: [] as number[], postgres: [] as number[] };
    const baselineStartToFirst: number[] = [];
    if (baselineSpec) {
      // Untimed: the worktree's sources are new to Deno's transpile cache.
      for (const spec of [specs.ours, baselineSpec]) await startToFirstPrediction(spec, ws);
    }
    for (let run = 0; run < 5; run++) {
      startToFirst.pglite.push(await startToFirstPrediction(specs.ours, ws));
      if (baselineSpec) baselineStartToFirst.push(await startToFirstPrediction(baselineSpec, ws));
      startToFirst.postgres.push(await startToFirstPrediction(oursPg, ws));
    }
    const starts = { ...startToFirst, ...(baselineSpec ? { baseline: baselineStartToFirst } : {}) };
    for (const [database, seconds] of Object.entries(starts)) {
      console.log(`Start to first prediction, ${database}: ${seconds.map((s) => s.toFixed(2))} s`);
    }
    const rowsBefore = await loggedPredictions(ws);
    const postgresRowsBefore = await loggedPostgres(postgres);

    const start = Deno.loadavg();
    const specsInOrder = [
      specs.ours,
      ...(baselineSpec ? [baselineSpec] : []),
      withWasmOptimised(specs.ours, optimisedDir),
      oursPg,
      withV8Defaults(oursPg),
      ...stages.map((stage, i) => oursAtStage(specs.ours, stage, stageDirs[i])),
      specs.hello,
      specs.fastapi,
    ];
    console.log(`Starting the ${specsInOrder.length} servers (FastAPI trains at startup) ...`);
    const all: Running[] = [];
    for (const spec of specsInOrder) {
      const server = await startServer(spec, ws);
      await predictOnce(server, spec);
      const url = `http://127.0.0.1:${server.port}${spec.predict}`;
      all.push({ spec, server, url, rssIdleMB: await residentMB(server.child.pid), runs: [] });
    }
    const results = await measure(all, script, options);
    const end = Deno.loadavg();
    const others = [specs.hello, specs.fastapi];
    for (const r of all) if (!others.includes(r.spec)) await stopServer(r.server);
    // The servers by position as listed above, the baseline apart.
    const listed = all.filter((r) => r.spec !== baselineSpec);
    const answered = (r: Running) => 1 + r.runs.reduce((sum, run) => sum + run.ok, 0);
    const rows = (await loggedPredictions(ws)) - rowsBefore;
    console.log("Measuring Postgres's CPU to COPY the logged predictions back in ...");
    const floor = await ingestFloor(postgres.url, { predictions: 50_000, rounds: 3 });
    return {
      date: new Date().toISOString().slice(0, 10),
      cpus: navigator.hardwareConcurrency,
      loadAverage: { start, end },
      versions,
      rate: options.rate,
      seconds: options.seconds,
      startToFirst,
      ours: results.get(listed[0])!,
      oursWasmOptimised: results.get(listed[1])!,
      postgres: results.get(listed[2])!,
      postgresV8Defaults: results.get(listed[3])!,
      stages: { validated: results.get(listed[4])!, unlogged: results.get(listed[5])! },
      ingestFloor: floor,
      hello: results.get(listed[6])!,
      fastapi: results.get(listed[7])!,
      logged: { rows, answered: answered(listed[0]) },
      postgresLogged: {
        rows: (await loggedPostgres(postgres)) - postgresRowsBefore,
        answered: answered(listed[2]) + answered(listed[3]),
      },
      ...(baseline && baselineSpec
        ? {
          baseline: {
            commit: baseline.commit,
            short: baseline.short,
            subject: baseline.subject,
            startTask: startTask(join(baseline.dir, "deno.json")),
            server: results.get(all[1])!,
            startToFirst: baselineStartToFirst,
          },
        }
        : {}),
    };
  } catch (error) {
    console.error(`Logs of the servers and the pipeline: ${ws.logs}`);
    options.keep ??= dir;
    throw error;
  } finally {
    await stopAll();
    if (postgres) {
      await dropScratch(postgres.url).catch((error) =>
        console.error(`Cannot drop the scratch database ${postgres?.url}: ${error}`)
      );
    }
    if (baseline) await removeBaseline(baseline.dir);
    if (!options.keep) await Deno.remove(dir, { recursive: true });
  }
}

/** Writes the Serving section into bench/RESULTS.md, keeping its header and other sections. */
export async function writeServingResults(bench: ServingBench): Promise<string> {
  const path = join(root, "bench/RESULTS.md");
  const existing = await Deno.readTextFile(path).catch(() => "");
  const head = existing.startsWith("# ")
    ? existing.split(/^(?=## )/m)[0]
    : header({ machine: await machineInfo(await initTensorflow()), date: bench.date });
  await Deno.writeTextFile(path, mergeResults(existing, head, servingSection(bench)));
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", path], cwd: root }).output();
  return path;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      rate: { type: "string", default: "100" },
      seconds: { type: "string", default: "10" },
      rounds: { type: "string", default: "3" },
      keep: { type: "string" },
      postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
      baseline: { type: "string" },
    },
  });
  const number = (name: string, value: string) => {
    const parsed = Number(value);
    if (!(parsed > 0)) throw new Error(`--${name} must be a positive number, got "${value}"`);
    return parsed;
  };
  try {
    const bench = await serveBench({
      rate: number("rate", values.rate),
      seconds: number("seconds", values.seconds),
      rounds: Math.round(number("rounds", values.rounds)),
      keep: values.keep,
      postgres: values.postgres,
      baseline: values.baseline,
    });
    const path = await writeServingResults(bench);
    console.log(`\nWrote ${path}\n\n${servingSummary(bench)}`);
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : error}`);
    Deno.exit(1);
  }
}
