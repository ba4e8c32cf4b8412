/**
 * The monitor on an interval, in the background of a server: the first run one interval
 * after the start, each next one an interval after the last ended, so runs never overlap
 * and a slow run delays the next instead of piling up. A failed run is logged and the
 * schedule goes on. Nothing here is awaited by a request.
 */
import type { Database } from "../../db/mod.ts";
import { describeError } from "../../shared/describe_error.ts";
import type { Logger } from "../../shared/logger.ts";
import { type ModelRun, type MonitorOptions, runMonitor } from "./run_monitor.ts";

/** What a scheduled run needs; the models are read at each run (the pointer may change). */
export interface ScheduleOptions extends Omit<MonitorOptions, "models" | "end" | "logger"> {
  intervalMs: number;
  /** The database once it is ready (migrated). */
  database(): Promise<Database>;
  models(): { name: string; version: string }[];
  logger: Logger;
  /** Called after each successful run (a cache of the latest reports, say). */
  onRun?(runs: ModelRun[]): void | Promise<void>;
}

/** A running schedule. */
export interface MonitorSchedule {
  /** Cancels the next run and waits for the one in progress. */
  stop(): Promise<void>;
}

/** Starts the schedule; see the module's doc. */
export function scheduleMonitor(options: ScheduleOptions): MonitorSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const runOnce = async () => {
    try {
      const models = options.models();
      if (models.length === 0) return;
      const runs = await runMonitor(await options.database(), { ...options, models });
      for (const run of runs) {
        options.logger.info("monitor run", {
          model: run.model,
          status: run.status,
          reportId: run.reportId,
        });
      }
      await options.onRun?.(runs);
    } catch (error) {
      options.logger.error("monitor run failed", { reason: describeError(error) });
    }
  };
  const next = () => {
    if (stopped) return;
    const id = setTimeout(() => {
      timer = undefined;
      running = runOnce().finally(() => {
        running = undefined;
        next();
      });
    }, options.intervalMs);
    timer = id;
    // The schedule alone never keeps a process alive.
    Deno.unrefTimer(id);
  };
  next();
  return {
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
