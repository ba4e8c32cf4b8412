/**
 * The gauges `/metrics` reads at scrape time: which versions serve, which models have a load
 * problem, and the prediction-log writer's counters.
 */
import { Gauge, type Registry } from "prom-client";
import type { PredictionLogWriterStats } from "./prediction_log/mod.ts";
import type { ModelRegistry } from "./registry/model_registry.ts";

/** Counters the log writer exposes, read at scrape time. */
export type WriterStats = PredictionLogWriterStats;

/** The log writer's counters, one gauge each: name, help, reading. */
const writerGauges: [string, string, (stats: WriterStats) => number][] = [
  ["prediction_log_queue_depth", "Predictions waiting to be written (memory)", (s) => s.queued],
  [
    "prediction_log_spilled",
    "Predictions spilled to disk while the database is down",
    (s) => s.spilled,
  ],
  ["prediction_log_written_total", "Predictions written to the database", (s) => s.written],
  [
    "prediction_log_dropped_total",
    "Predictions dropped (no spill directory and a full buffer)",
    (s) => s.dropped,
  ],
  ["prediction_log_failed_writes_total", "Failed database writes (retried)", (s) => s.failedWrites],
  [
    "prediction_log_rejected_total",
    "Predictions the database refused (invalid data): logged and not retried, kept in " +
    "prediction-log-rejected.jsonl of the spill directory when there is one",
    (s) => s.rejected,
  ],
  [
    "prediction_log_spilled_total",
    "Predictions ever spilled to disk (written later from there)",
    (s) => s.spilledTotal,
  ],
];

/** Registers the scrape-time gauges of one app in `registry`. */
export function registerScrapeGauges(
  registry: Registry,
  models: ModelRegistry,
  writerStats: () => WriterStats,
): void {
  new Gauge({
    name: "model_loaded",
    help: "1 for each model version being served, by role",
    labelNames: ["model", "version", "role"],
    registers: [registry],
    collect() {
      this.reset();
      for (const status of models.status()) {
        if (status.champion) {
          this.set({ model: status.name, version: status.champion.version, role: "champion" }, 1);
        }
        if (status.challenger) {
          this.set(
            { model: status.name, version: status.challenger.version, role: "challenger" },
            1,
          );
        }
      }
    },
  });
  new Gauge({
    name: "model_load_problem",
    help: "1 while a model's pinned version cannot be served in that role (refused load, " +
      "unreadable pointer, nothing pinned; /ready says why), else 0: an older version may " +
      "still serve",
    labelNames: ["model", "role"],
    registers: [registry],
    collect() {
      for (const status of models.status()) {
        this.set({ model: status.name, role: "champion" }, status.problem ? 1 : 0);
        this.set({ model: status.name, role: "challenger" }, status.challengerProblem ? 1 : 0);
      }
    },
  });
  for (const [name, help, read] of writerGauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(writerStats()));
      },
    });
  }
}
