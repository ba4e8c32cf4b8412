/**
 * The "Serving" section of bench/RESULTS.md: our server against a bare Hono hello-world and a
 * FastAPI + scikit-learn service, with the targets of the issue checked.
 */
import type { FixedRateResult } from "./serve_fixed_rate.ts";
import type { IngestFloor } from "./serve_ingest_floor.ts";
import type { WrkResult } from "./serve_load.ts";
import type { Target } from "./train_results.ts";
import { startTask } from "./serve_workspace.ts";
import { ms, rps, taskPrefix, us } from "./serve_format.ts";
import { median } from "./serve_noise.ts";
import { type BaselineBench, baselineParagraph, baselineTarget } from "./serve_baseline_results.ts";

/** A server's name in the short tables and lists. */
const shortName = (s: ServerBench) => s.short ?? s.label.split(":")[0];

/** Ours, then the baseline when the run has one (it comes right after ours everywhere). */
const oursAndBaseline = (bench: ServingBench) =>
  bench.baseline ? [bench.ours, bench.baseline.server] : [bench.ours];

const drains = (bench: ServingBench) =>
  [
    ...oursAndBaseline(bench),
    bench.oursWasmOptimised,
    bench.postgres,
    bench.postgresV8Defaults,
  ].map((s) => `${shortName(s)}: ${(s.max.drainSeconds ?? 0).toFixed(2)} s`).join(", ");

/** Everything measured on one server. */
export interface ServerBench {
  label: string;
  /** Its name in the short tables; the label up to its first colon when absent. */
  short?: string;
  /** Maximum throughput: the round with the median requests/s. */
  max: WrkResult;
  /** Requests/s of every round, in order. */
  rounds: number[];
  /** The open-loop run at the fixed rate. */
  fixed: FixedRateResult;
  /** Errors over every phase: warm-up, rounds, fixed rate. */
  errors: number;
  /** VmRSS right after the start and one prediction, and after the load tests, in MB. */
  rssIdleMB: number;
  rssMB: number;
  /** VmHWM after the load tests: the most resident memory the process ever had, in MB. */
  rssPeakMB: number;
  /** VmHWM of each round on its own (reset before it), in MB; empty when not measured. */
  roundPeaksMB: number[];
}

/** One run of the serving benchmark. */
export interface ServingBench {
  date: string;
  /** 1, 5 and 15 minute load averages when the measurements started and ended. */
  loadAverage: { start: number[]; end: number[] };
  /** wrk, Python, FastAPI, uvicorn, scikit-learn. */
  versions: Record<string, string>;
  rate: number;
  seconds: number;
  /** Spawn of `src/main.ts` to the first 200 of a prediction, one entry per run, in seconds. */
  startToFirst: { pglite: number[]; postgres: number[] };
  /** CPUs of the machine, shared by every process of a measurement (wrk included). */
  cpus: number;
  /** Ours on embedded PGlite, and on Postgres through the WebSocket proxy. */
  ours: ServerBench;
  /** Ours on PGlite without the start task's WebAssembly flags. */
  oursWasmOptimised: ServerBench;
  postgres: ServerBench;
  /** Ours on Postgres without the start task's V8 flags. */
  postgresV8Defaults: ServerBench;
  /** Ours cut short: the route's validation alone, the whole server with its log discarded. */
  stages: { validated: ServerBench; unlogged: ServerBench };
  /** Postgres's CPU to store one logged prediction by COPY: the database's floor. */
  ingestFloor: IngestFloor;
  hello: ServerBench;
  fastapi: ServerBench;
  /** Rows our server wrote to `prediction_requests` during the load tests, and 2xx answers. */
  logged: { rows: number; answered: number };
  /** The same for ours on Postgres, both configurations (rows of its scratch database). */
  postgresLogged: { rows: number; answered: number };
  /** Ours at another revision, with `--baseline`. */
  baseline?: BaselineBench;
}

const serversOf = (bench: ServingBench) => [
  ...oursAndBaseline(bench),
  bench.oursWasmOptimised,
  bench.postgres,
  bench.postgresV8Defaults,
  bench.stages.validated,
  bench.stages.unlogged,
  bench.hello,
  bench.fastapi,
];

/** CPU microseconds per answered request of a wrk round: the server, its database, wrk. */
export function cpuPerRequest(run: WrkResult): { server: number; database: number; wrk: number } {
  const per = (seconds = 0) => (seconds * 1e6) / Math.max(1, run.ok);
  return {
    server: per(run.serverCpuSeconds),
    database: per(run.databaseCpuSeconds),
    wrk: per(run.generatorCpuSeconds),
  };
}

const loads = (values: number[]) => values.map((l) => l.toFixed(2)).join(" / ");

/**
 * The issue's targets checked against a run: for ours as `deno task start` runs it, on PGlite
 * and on Postgres, and for ours on Postgres with V8's defaults (no start-up measured); with a
 * baseline, ours on PGlite against it.
 */
export function checkServingTargets(bench: ServingBench): Target[] {
  const rows: [string, ServerBench, number[]?][] = [
    ["PGlite", bench.ours, bench.startToFirst.pglite],
    ["PGlite, WebAssembly optimised", bench.oursWasmOptimised],
    ["Postgres", bench.postgres, bench.startToFirst.postgres],
    ["Postgres, V8 defaults", bench.postgresV8Defaults],
  ];
  return rows.flatMap(([db, ours, startToFirst]) => {
    const rate = ours.max.requestsPerSecond;
    const ofHello = rate / bench.hello.max.requestsPerSecond;
    const overFastapi = rate / bench.fastapi.max.requestsPerSecond;
    return [
      {
        target: `ours, ${db}: requests/s >= 50% of the Hono hello-world's`,
        measured: `${rps(rate)} vs ${rps(bench.hello.max.requestsPerSecond)}: ${
          (ofHello * 100).toFixed(1)
        }%`,
        met: ofHello >= 0.5,
      },
      {
        target: `ours, ${db}: requests/s >= 5x FastAPI + scikit-learn's`,
        measured: `${rps(rate)} vs ${rps(bench.fastapi.max.requestsPerSecond)}: ${
          overFastapi.toFixed(1)
        }x`,
        met: overFastapi >= 5,
      },
      {
        target: `ours, ${db}: resident memory with both models loaded < 200 MB (peak)`,
        measured: `${ours.rssPeakMB.toFixed(0)} MB`,
        met: ours.rssPeakMB < 200,
      },
      ...(startToFirst
        ? [{
          target: `ours, ${db}: start to first prediction < 1 s (median of 5)`,
          measured: `${median(startToFirst).toFixed(2)} s`,
          met: median(startToFirst) < 1,
        }]
        : []),
      ...(ours === bench.ours && bench.baseline ? [baselineTarget(bench, bench.baseline)] : []),
    ];
  });
}

const startRuns = (seconds: number[]) =>
  `${seconds.map((s) => s.toFixed(2)).join(", ")} s (median ${median(seconds).toFixed(2)} s)`;

const loggedText = (logged: ServingBench["logged"]) =>
  `${logged.rows.toLocaleString("en-US")} rows for ${
    logged.answered.toLocaleString("en-US")
  } 2xx answers`;

/**
 * What half the hello-world's rate leaves ours of the machine's CPU per request, against what
 * ours and its stages spend: the bound behind the 50% target, in this run's numbers.
 */
export function cpuBudget(bench: ServingBench): { budget: number; perCpu: number; wrk: number } {
  const perCpu = (2 * bench.cpus * 1e6) / bench.hello.max.requestsPerSecond;
  // wrk's cost per answer at the hello-world's rate: at ours' lower rate it batches less and
  // costs more per answer, which would make the budget smaller still.
  const wrk = cpuPerRequest(bench.hello.max).wrk;
  return { budget: perCpu - wrk, perCpu, wrk };
}

const limits = (bench: ServingBench) => {
  const { budget, perCpu, wrk } = cpuBudget(bench);
  const cpu = (s: ServerBench) => cpuPerRequest(s.max);
  const total = (s: ServerBench) => cpu(s).server + cpu(s).database;
  const logging = cpu(bench.ours).server - cpu(bench.stages.unlogged).server;
  const embedded = bench.ours.rssIdleMB - bench.postgres.rssIdleMB;
  return `Bounds: the measurements share the machine's ${bench.cpus} CPUs with wrk. At half the hello-world's rate the machine has ${
    us(perCpu)
  } µs of CPU per request; wrk itself uses ${
    us(wrk)
  } µs of it per answer at that rate (more at lower rates: ${
    us(cpuPerRequest(bench.ours.max).wrk)
  } µs per answer of ours), which leaves ours (server and database together) at most ${
    us(budget)
  } µs. Ours spends ${us(total(bench.ours))} µs on PGlite and ${
    us(total(bench.postgres))
  } µs on Postgres (${us(cpu(bench.postgres).server)} in the server, ${
    us(cpu(bench.postgres).database)
  } in Postgres and the proxy), so no tuning of the server reaches that rate here. The stages show where the CPU goes: the hello-world ${
    us(cpu(bench.hello).server)
  } µs; the same route reading the body and validating it with zod ${
    us(cpu(bench.stages.validated).server)
  } µs; the whole server (middleware, scoring, the answer) with its prediction log discarded ${
    us(cpu(bench.stages.unlogged).server)
  } µs; writing the log into embedded PGlite adds ${us(logging)} µs, ${
    (logging / budget).toFixed(1)
  } times the whole budget by itself. Embedded PGlite (the Postgres engine compiled to WebAssembly: its code and its memory) idles ${
    embedded.toFixed(0)
  } MB above the same server on Postgres, itself above the ${
    bench.hello.rssIdleMB.toFixed(0)
  } MB of a bare Deno + Hono process. ${floors(bench, budget)}`;
};

/** The two floors under any server logging every prediction to Postgres, against the budget. */
function floors(bench: ServingBench, budget: number): string {
  const validated = cpuPerRequest(bench.stages.validated.max).server;
  const unlogged = cpuPerRequest(bench.stages.unlogged.max).server;
  const ingest = median(bench.ingestFloor.rounds);
  const left = budget - validated - ingest;
  return `Two floors bound any server that logs every prediction to Postgres: reading and validating the body (${
    us(validated)
  } µs, nothing scored, answered or logged) and Postgres's own CPU to store one logged prediction (its request and output rows, their indexes and WAL) by COPY, its cheapest way in: ${
    us(ingest)
  } µs (median of ${bench.ingestFloor.rounds.length} rounds, ${
    bench.ingestFloor.rounds.map(us).join(", ")
  } µs, each copying ${
    bench.ingestFloor.predictions.toLocaleString("en-US")
  } predictions ours logged in this run; the session's backend alone, not the WAL writer or the checkpointer). ${
    left <= 0
      ? `Together, ${
        us(validated + ingest)
      } µs, they exceed the budget before a ticket is encoded, scored, answered or its log rows built and sent.`
      : `They leave ${
        us(left)
      } µs for encoding and scoring the ticket, answering, and building and sending its log rows, on which ours, not logged, spends ${
        us(unlogged - validated)
      } µs without building or sending the rows.`
  }`;
}

/** The "## Serving" section. */
export function servingSection(bench: ServingBench): string {
  const servers = serversOf(bench);
  const v = bench.versions;
  const lag = Math.max(...servers.map((s) => s.fixed.lagP99));
  const text =
    `\`deno task bench:serve\`, ${bench.date}. The ${servers.length} servers were measured side by
side in one run on this machine, each alone on the CPUs in turn (the bench waits until no server
uses more than 5% of a CPU before each phase), load generated on 127.0.0.1. Workspace: a
temporary directory where \`pipelines/pipeline.ts --tickets 20000 --customers 10000\` ran. Ours is
\`src/main.ts\` run there as \`deno task start\` runs it (\`${
      taskPrefix(startTask())
    }\`, embedded PGlite, \`LOG_LEVEL=warn\`, both models loaded by the local
model pointer, every prediction logged to the database) answering
\`POST /v1/models/ticket-triage/predict\` with one ticket per request. "Ours, Postgres" is the same
server with \`DATABASE_URL\` set to a scratch database on the local Postgres (created for the run,
dropped at the end) and \`DATABASE_WS_PROXY\` pointing at \`scripts/ws_proxy.ts\` run as its own
process: the Neon serverless driver, as in production, so its logging costs the server
serialisation and a WebSocket send while Postgres and the proxy use other CPUs. "V8 defaults" is
that server without those V8 flags: V8 then sizes its heap for speed,
several times the live data under load. "WebAssembly optimised" is ours on PGlite (a copy of the
same database) without the flags that keep PGlite's WebAssembly on V8's baseline compiler. "Validation
only" and "not logged" are ours cut short (\`bench/stage_server.ts\`, run as ours): the prediction
route as the server declares it, answering the hello-world's fixed JSON once the ticket is
validated, and the whole server, models loaded by the pointer, with its prediction log discarded.
The hello-world is
\`bench/hello_hono.ts\` (\`Deno.serve\` + \`new Hono()\`, fixed JSON, body not read). FastAPI is
\`bench/fastapi_service.py\`: TfidfVectorizer + LogisticRegression per head trained at startup on
the workspace's \`data/tickets.jsonl\`, pydantic input, synchronous route, one uvicorn worker
(FastAPI ${v.FastAPI}, uvicorn ${v.uvicorn}, scikit-learn ${v["scikit-learn"]}, Python ${v.Python}).
Requests rotate five realistic tickets (English and French).

Maximum throughput: wrk ${v.wrk}, \`-t2 -c32 -d${bench.seconds}s --latency\` after a 3 s warm-up;
the median of ${bench.ours.rounds.length} rounds (servers interleaved round by round) with that
round's p50/p99 (closed loop: queueing included). Ours logs every prediction and its answers
never wait for the database, so its rate is the requests of a round over the round's duration
plus the time its prediction log then took to write the backlog (${
      drains(bench)
    }): a rate it sustains with nothing left unwritten. Fixed rate: wrk has no fixed-rate mode and wrk2
is not packaged for this OS, so \`bench/serve_fixed_rate.ts\` sends ${bench.rate} req/s for
${bench.seconds} s open loop (it never waits for a response) from Deno's \`fetch\` and times each
request from its send to the end of its body; timers sent requests up to ${ms(lag)} ms late (p99).
Errors: non-2xx, socket errors and timeouts in every phase. RSS (1 MB = 10^6 bytes): VmRSS after
the start and one prediction; VmHWM, the peak resident memory, which the load tests set; VmRSS after
them, once every server has idled through the later phases (V8 shrinks its heap when idle). Start
to first prediction: from spawning the start task's command (artifacts in the workspace's local DVC
cache, which the server reads first; database migrated) to the first 200 of a prediction, \`/ready\` polled every 10 ms; median of 5 runs. Load average ${
      loads(bench.loadAverage.start)
    } at the start, ${loads(bench.loadAverage.end)} at the end (1 / 5 / 15 min): other work on the
machine skews the numbers.`;
  return [
    "## Serving",
    "",
    text,
    "",
    ...(bench.baseline ? [baselineParagraph(bench, bench.baseline), ""] : []),
    "| target | measured | |",
    "| --- | --- | :-: |",
    ...checkServingTargets(bench).map((t) =>
      `| ${t.target} | ${t.measured} | ${t.met ? "✓" : "✗"} |`
    ),
    "",
    limits(bench),
    "",
    "CPU per answered request (µs, user + system, every thread) in the median round: the server process, its database when that runs apart (every Postgres process and the proxy), and wrk.",
    "",
    "| server | req/s | server | database | wrk | server + database |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...servers.map((s) => {
      const cpu = cpuPerRequest(s.max);
      return `| ${shortName(s)} | ${rps(s.max.requestsPerSecond)} | ${us(cpu.server)} | ${
        s.max.databaseCpuSeconds === undefined ? "" : us(cpu.database)
      } | ${us(cpu.wrk)} | ${us(cpu.server + cpu.database)} |`;
    }),
    "",
    `| server | max req/s (median) | rounds (req/s) | p50 / p99 at max (ms) | p50 / p99 at ${bench.rate} req/s (ms) | errors | RSS idle / peak / after (MB) |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...servers.map((s) =>
      `| ${s.label} | ${rps(s.max.requestsPerSecond)} | ${s.rounds.map(rps).join(", ")} | ${
        ms(s.max.p50)
      } / ${ms(s.max.p99)} | ${ms(s.fixed.p50)} / ${ms(s.fixed.p99)} | ${s.errors} | ${
        s.rssIdleMB.toFixed(0)
      } / ${s.rssPeakMB.toFixed(0)} / ${s.rssMB.toFixed(0)} |`
    ),
    "",
    `Start to first prediction, 5 runs each: ${startRuns(bench.startToFirst.pglite)} on PGlite, ${
      bench.baseline
        ? `${startRuns(bench.baseline.startToFirst)} at ${bench.baseline.short} on PGlite, `
        : ""
    }${
      startRuns(bench.startToFirst.postgres)
    } on Postgres. Prediction logging, rows written to \`prediction_requests\` during the load tests: ${
      loggedText(bench.logged)
    } on PGlite, ${
      loggedText(bench.postgresLogged)
    } on Postgres, both configurations (wrk does not count the requests still in flight when it stops).`,
    "",
  ].join("\n");
}

/** The plain-text summary printed at the end of a run. */
export function servingSummary(bench: ServingBench): string {
  return [
    ...serversOf(bench).map((s) =>
      `${s.label}: ${rps(s.max.requestsPerSecond)} req/s max (p50 ${ms(s.max.p50)} ms, p99 ${
        ms(s.max.p99)
      } ms); at ${bench.rate} req/s p50 ${ms(s.fixed.p50)} ms, p99 ${
        ms(s.fixed.p99)
      } ms; ${s.errors} errors; RSS peak ${s.rssPeakMB.toFixed(0)} MB`
    ),
    "",
    ...checkServingTargets(bench).map((t) => `${t.met ? "✓" : "✗"} ${t.target}: ${t.measured}`),
  ].join("\n");
}
