import type { Config } from "../shared/config.ts";
import { Bm25Index, loadKnowledgeBase } from "../kb/mod.ts";
import type { DatabaseHandle } from "../db/mod.ts";
import type { Logger } from "../shared/logger.ts";
import type { WriterStats } from "../serving/scrape_gauges.ts";
import type { ArtifactSource } from "../serving/registry/version_loader.ts";
import type { PredictionSink } from "../serving/prediction_log/mod.ts";
import { createModelRuntime, type ModelRuntime } from "../serving/registry/runtime.ts";
import { createApp } from "./create_app.ts";
import { LatestReports } from "../monitor/mod.ts";

/** Where predictions go: the log writer in production, anything with `enqueue` in tests. */
export type PredictionLog = PredictionSink & { stats?(): WriterStats };

const noWriterStats: WriterStats = {
  queued: 0,
  spilled: 0,
  written: 0,
  dropped: 0,
  failedWrites: 0,
  rejected: 0,
  spilledTotal: 0,
};

/**
 * The app with its model runtime, models loaded by the pointer: what the server runs and
 * what the tests drive, wired the same way. Models and the knowledge base load while the
 * database (possibly still opening) gets ready.
 */
export async function assembleApp(
  config: Config,
  database: DatabaseHandle | Promise<DatabaseHandle>,
  logger: Logger,
  source: ArtifactSource,
  log: PredictionLog,
): Promise<
  { app: ReturnType<typeof createApp>; runtime: ModelRuntime; latestReports: LatestReports }
> {
  const runtime = createModelRuntime(config, database, logger, source);
  const [handle, articles] = await Promise.all([database, loadKnowledgeBase(), runtime.reload()]);
  const latestReports = new LatestReports(handle.db);
  const app = createApp({
    config,
    database: handle,
    logger,
    registry: runtime.registry,
    sink: log,
    kb: new Bm25Index(articles),
    writerStats: () => log.stats?.() ?? noWriterStats,
    reloadModels: runtime.reload,
    versionMetrics: runtime.versionMetrics,
    latestReports,
  });
  return { app, runtime, latestReports };
}
