/**
 * `deno task bench:monitor`: the drift engine against Evidently 0.7's legacy DataDriftPreset
 * on 100,000 x 10 and 1,000,000 x 20 seeded CSVs, in process (stored reference statistics
 * against Evidently in memory) and end to end (the drift CLI against `python -c` Evidently),
 * medians side by side in one run; then one monitor run over a 1,000,000-request window logged
 * in Postgres, with its peak resident memory. Writes the "Monitoring" section of
 * bench/RESULTS.md.
 *   deno task bench:monitor [--postgres postgres://postgres@127.0.0.1:5432]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  compareToReference,
  legacyReport,
  readTable,
  statsToJson,
  summariseReference,
} from "../src/monitor/mod.ts";
import { root } from "./bench_support.ts";
import { writeBenchData } from "./monitor_data.ts";
import {
  type MonitorBench,
  monitoringSection,
  type MonitorSize,
  type WindowRun,
} from "./monitor_results.ts";
import { dropScratch, startPostgres } from "./serve_postgres.ts";
import { stopAll } from "./serve_processes.ts";
import { denoRun, startTask } from "./serve_workspace.ts";
import { mergeResults } from "./train_results.ts";

const python = join(root, ".venv/bin/python");
const singleThread = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function seconds(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  const output = await new Deno.Command(command, {
    args,
    env: singleThread,
    stdout: "null",
    stderr: "piped",
  })
    .output();
  if (!output.success) {
    throw new Error(`${command} failed: ${new TextDecoder().decode(output.stderr)}`);
  }
  return (performance.now() - started) / 1000;
}

async function measure(dir: string, rows: number, columns: number, runs: number) {
  const { reference, current } = await writeBenchData(dir, rows, columns);
  const [refFrame, curFrame] = [await readTable(reference), await readTable(current)];
  const summarise: number[] = [], engine: number[] = [];
  let stats = summariseReference(refFrame);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    stats = summariseReference(refFrame);
    summarise.push((performance.now() - t) / 1000);
    t = performance.now();
    legacyReport(compareToReference(stats, curFrame));
    engine.push((performance.now() - t) / 1000);
  }
  const evidently = await new Deno.Command(python, {
    args: [join(root, "bench/monitor_reference.py"), reference, current, String(runs)],
    env: singleThread,
    stdout: "piped",
  }).output();
  const reported = JSON.parse(new TextDecoder().decode(evidently.stdout));
  const cli: number[] = [], evidentlyCli: number[] = [];
  const script = "import sys,warnings;warnings.filterwarnings('ignore');import pandas as pd;" +
    "from evidently.legacy.report import Report;from evidently.legacy.metric_preset import DataDriftPreset;" +
    "r=Report(metrics=[DataDriftPreset()]);r.run(reference_data=pd.read_csv(sys.argv[1])," +
    "current_data=pd.read_csv(sys.argv[2]));print(r.json())";
  for (let i = 0; i < runs; i++) {
    cli.push(
      // As a user runs it: the task, with its own permissions.
      await seconds(Deno.execPath(), [
        "task",
        "--quiet",
        "--config",
        join(root, "deno.json"),
        "drift",
        "--reference",
        reference,
        "--current",
        current,
        "--format",
        "legacy",
      ]),
    );
    evidentlyCli.push(await seconds(python, ["-c", script, reference, current]));
  }
  const size: MonitorSize = {
    rows,
    columns,
    engine: median(engine),
    summarise: median(summarise),
    evidently: median(reported.seconds),
    cli: median(cli),
    evidentlyCli: median(evidentlyCli),
    statsBytes: JSON.stringify(statsToJson(stats)).length,
  };
  console.log(JSON.stringify(size));
  return { size, versions: reported };
}

/**
 * One monitor run over `rows` logged requests in a scratch database on the Postgres at `base`,
 * reached through the WebSocket proxy as in production; `bench/monitor_window.ts` fills the
 * window, then runs the monitor in a process of its own.
 */
async function monitorWindow(base: string, dir: string, rows: number): Promise<WindowRun> {
  const logs = join(dir, "logs");
  await Deno.mkdir(logs, { recursive: true });
  const postgres = await startPostgres(base, { dir, root, pglite: "", logs });
  // The monitor runs as `deno task monitor` runs it: its environment and V8 flags.
  const task = startTask(undefined, "monitor");
  const env = { ...task.env, DATABASE_URL: postgres.url, DATABASE_WS_PROXY: postgres.wsProxy };
  const window = async (...args: string[]) => {
    const output = await new Deno.Command(Deno.execPath(), {
      args: [...denoRun("bench/monitor_window.ts", task.v8Flags), ...args],
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    if (!output.success) throw new Error(`monitor_window ${args[0]}: ${decode(output.stderr)}`);
    return decode(output.stdout);
  };
  const reference = join(dir, "reference_stats.json");
  try {
    await window("reference", reference);
    await window("fill", String(rows));
    const run = JSON.parse(await window("run", reference)) as Omit<WindowRun, "rows">;
    console.log(JSON.stringify(run));
    return { rows, ...run };
  } finally {
    await stopAll();
    await dropScratch(postgres.url);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: { postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432" } },
  });
  const dir = await Deno.makeTempDir({ prefix: "bench-monitor-" });
  try {
    const loadAverage = Deno.loadavg();
    const small = await measure(dir, 100_000, 10, 5);
    const large = await measure(dir, 1_000_000, 20, 3);
    const window = await monitorWindow(values.postgres, dir, 1_000_000);
    const bench: MonitorBench = {
      date: new Date().toISOString().slice(0, 10),
      loadAverage,
      runs: "5 (100,000 rows) and 3 (1,000,000 rows)",
      evidently: small.versions.evidently,
      pandas: small.versions.pandas,
      sizes: [small.size, large.size],
      window,
    };
    const path = join(root, "bench/RESULTS.md");
    const existing = await Deno.readTextFile(path);
    // Keep the file's header (machine facts) as the other benches wrote it.
    const head = existing.split(/^## /m)[0];
    await Deno.writeTextFile(path, mergeResults(existing, head, monitoringSection(bench)));
    console.log(monitoringSection(bench));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
