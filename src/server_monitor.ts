/**
 * The server's monitor: with `MONITOR_INTERVAL` set, the monitor runs in the background on
 * that interval over the last `MONITOR_WINDOW`, for the champions being served, reading
 * their reference statistics from the loaded versions; one alerter for the process; the
 * `/metrics` cache refreshed after each run. Stopped (the run in progress awaited, then the
 * alerter closed) before the database closes.
 */
import type { DatabaseHandle } from "./db/mod.ts";
import { createAlerter, type LatestReports, scheduleMonitor } from "./monitor/mod.ts";
import type { Config } from "./shared/config.ts";
import type { Logger } from "./shared/logger.ts";
import { servedChampions, servedVersionFile } from "./serving/monitor_sources.ts";
import type { ModelRegistry } from "./serving/registry/model_registry.ts";

/** A scheduled monitor; `stop` before closing the database. */
export interface ServerMonitor {
  stop(): Promise<void>;
}

/** Starts the schedule when `MONITOR_INTERVAL` is set; undefined otherwise. */
export function startServerMonitor(
  config: Config,
  logger: Logger,
  parts: { database: DatabaseHandle; registry: ModelRegistry; latestReports: LatestReports },
): ServerMonitor | undefined {
  if (config.MONITOR_INTERVAL === undefined) return undefined;
  const { database } = parts;
  // It touches the database only when a run hands it observations.
  const alerter = createAlerter({ db: database.db, config, logger });
  const schedule = scheduleMonitor({
    intervalMs: config.MONITOR_INTERVAL,
    windowMs: config.MONITOR_WINDOW,
    // A remote database may still be migrating when the first run is due.
    database: async () => (await (database.migrated ?? Promise.resolve()), database.db),
    models: () => servedChampions(parts.registry),
    readVersionFile: servedVersionFile(parts.registry),
    alerter,
    logger,
    onRun: () => parts.latestReports.refresh(),
  });
  logger.info("Monitor scheduled", {
    intervalMs: config.MONITOR_INTERVAL,
    windowMs: config.MONITOR_WINDOW,
  });
  return {
    stop: async () => {
      await schedule.stop();
      await alerter.close();
    },
  };
}
