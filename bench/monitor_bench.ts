/**
 * `deno task bench:monitor`: the drift engine against Evidently 0.7's legacy DataDriftPreset
 * on 100,000 x 10 and 1,000,000 x 20 seeded CSVs, in process (stored reference statistics
 * against Evidently in memory) and end to end (the drift CLI against `python -c` Evidently),
 * medians side by side in one run. Writes the "Monitoring" section of bench/RESULTS.md.
 */
import { join } from "node:path";
import {
  compareToReference,
  legacyReport,
  readTable,
  statsToJson,
  summariseReference,
} from "../src/monitor/mod.ts";
import { root } from "./bench_support.ts";
import { writeBenchData } from "./monitor_data.ts";
import { type MonitorBench, monitoringSection, type MonitorSize } from "./monitor_results.ts";
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
      await seconds(Deno.execPath(), [
        "run",
        "--quiet",
        "--allow-read",
        "--allow-env=INIT_CWD",
        join(root, "pipelines/drift.ts"),
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

if (import.meta.main) {
  const dir = await Deno.makeTempDir({ prefix: "bench-monitor-" });
  try {
    const loadAverage = Deno.loadavg();
    const small = await measure(dir, 100_000, 10, 5);
    const large = await measure(dir, 1_000_000, 20, 3);
    const bench: MonitorBench = {
      date: new Date().toISOString().slice(0, 10),
      loadAverage,
      runs: "5 (100,000 rows) and 3 (1,000,000 rows)",
      evidently: small.versions.evidently,
      pandas: small.versions.pandas,
      sizes: [small.size, large.size],
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
