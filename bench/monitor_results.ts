/**
 * The "Monitoring" section of bench/RESULTS.md: the drift engine against Evidently's legacy
 * DataDriftPreset, in memory and end to end. The file's header and merge are
 * train_results.ts's.
 */

/** One data size measured. */
export interface MonitorSize {
  rows: number;
  columns: number;
  /** Median seconds: comparing current rows with stored reference statistics, in process. */
  engine: number;
  /** Median seconds: summarising the reference once (what a model version stores). */
  summarise: number;
  /** Median seconds: Evidently's Report.run + as_dict on DataFrames already in memory. */
  evidently: number;
  /** Median seconds, process start to report: `deno task drift` and `python -c` Evidently. */
  cli: number;
  evidentlyCli: number;
  /** The reference statistics' JSON size, bytes. */
  statsBytes: number;
}

/** One monitor run over a window logged in Postgres (bench/monitor_window.ts). */
export interface WindowRun {
  rows: number;
  seconds: number;
  requests: number;
  status: string;
  driftedColumns: string[];
  /** Peak resident set size of the monitor's process, bytes. */
  peakRss: number;
}

/** One run of the bench. */
export interface MonitorBench {
  date: string;
  loadAverage: number[];
  /** How many runs each median is of. */
  runs: string;
  evidently: string;
  pandas: string;
  sizes: MonitorSize[];
  window: WindowRun;
}

const s = (x: number) => x < 1 ? x.toFixed(3) : x.toFixed(2);
const ratio = (a: number, b: number) => `${(b / a).toFixed(1)}x`;

/** The "## Monitoring" section. */
export function monitoringSection(bench: MonitorBench): string {
  const first = bench.sizes[0];
  const target = first.evidently / first.engine >= 5;
  return [
    "## Monitoring",
    "",
    `\`deno task bench:monitor\`, ${bench.date}. Data drift of seeded CSVs (70% numeric columns:`,
    "normal, exponential, integer; 30% text categories), current data shifted a little, with",
    `Evidently's default tests. Medians of ${bench.runs} runs, both sides in one run on one thread`,
    `(Evidently ${bench.evidently}, pandas ${bench.pandas}). In process: our comparison of the`,
    "current rows (already parsed) with reference statistics summarised beforehand, against",
    "Evidently's `Report([DataDriftPreset()]).run(...)` + `as_dict()` on DataFrames already",
    "in memory. End to end: `deno task drift --format legacy` on the two CSVs against `python -c`",
    "importing Evidently, `pd.read_csv` of both files, the report and its JSON: process start to",
    `exit. Load average when the run started: ${
      bench.loadAverage.map((l) => l.toFixed(2)).join(" / ")
    }.`,
    "",
    "| rows x columns | ours, in process (stored reference statistics) | Evidently, in memory | speed-up | summarising the reference once | reference statistics | ours, CLI end to end | Evidently, `python -c` end to end | speed-up |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...bench.sizes.map((z) =>
      `| ${z.rows.toLocaleString("en-US")} x ${z.columns} | ${s(z.engine)} s | ${
        s(z.evidently)
      } s | ${ratio(z.engine, z.evidently)} | ${s(z.summarise)} s | ${
        (z.statsBytes / 2 ** 20).toFixed(1)
      } MiB | ${s(z.cli)} s | ${s(z.evidentlyCli)} s | ${ratio(z.cli, z.evidentlyCli)} |`
    ),
    "",
    `Target: at least 5x Evidently in memory on ${
      first.rows.toLocaleString("en-US")
    } x ${first.columns}: ${target ? "met" : "not met"} (${ratio(first.engine, first.evidently)}).`,
    "",
    ...windowLines(bench.window),
  ].join("\n");
}

/** The lines on the monitor's run over a window logged in Postgres. */
function windowLines(run: WindowRun): string[] {
  const mb = run.peakRss / 1e6;
  return [
    `Monitoring a window from Postgres: \`runMonitor\` over ${
      run.rows.toLocaleString("en-US")
    } logged churn requests (9 inputs, the prediction and its confidence) in a scratch database`,
    "reached through the WebSocket proxy, every row read page by page and summarised, against",
    "reference statistics of 10,000 customers, in a process of its own: " +
    `${s(run.seconds)} s, status \`${run.status}\`, ${
      run.requests.toLocaleString("en-US")
    } requests read,`,
    `peak resident memory ${mb.toFixed(0)} MB. Target: under 300 MB: ${
      mb < 300 ? "met" : "not met"
    }.`,
    "",
  ];
}
