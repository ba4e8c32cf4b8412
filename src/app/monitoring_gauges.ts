/**
 * The monitor's gauges on `/metrics`, from the newest report of each model (a cache read at
 * scrape time: see LatestReports): the share and number of drifted columns, and production
 * accuracy per head from feedback (a head without feedback has no sample, not a zero).
 */
import { Gauge, type Registry } from "prom-client";
import type { LatestReports } from "../monitor/mod.ts";

interface Summary {
  drifted_columns?: string[];
  accuracy?: Record<string, number | null>;
}

/** Registers `monitoring_drift_share`, `monitoring_drifted_columns`, `monitoring_production_accuracy`. */
export function registerMonitoringGauges(registry: Registry, latest: LatestReports): void {
  const summaries = async () =>
    (await latest.current()).map((report) => ({
      model: report.modelName,
      share: report.driftShare,
      summary: (report.summary ?? {}) as Summary,
    }));
  new Gauge({
    name: "monitoring_drift_share",
    help: "Share of drifted columns in the newest monitoring report of each model",
    labelNames: ["model"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { model, share } of await summaries()) this.set({ model }, share);
    },
  });
  new Gauge({
    name: "monitoring_drifted_columns",
    help: "Drifted columns in the newest monitoring report of each model",
    labelNames: ["model"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { model, summary } of await summaries()) {
        this.set({ model }, summary.drifted_columns?.length ?? 0);
      }
    },
  });
  new Gauge({
    name: "monitoring_production_accuracy",
    help: "Accuracy from feedback in the newest monitoring report, by model and head " +
      "(absent for a head without feedback)",
    labelNames: ["model", "head"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { model, summary } of await summaries()) {
        for (const [head, value] of Object.entries(summary.accuracy ?? {})) {
          if (value !== null) this.set({ model, head }, value);
        }
      }
    },
  });
}
