import { assembleApp } from "./app/assemble_app.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { logPredictions } from "./db/repositories/predictions.ts";
import type { Logger } from "./logger.ts";
import { dvcArtifactSource } from "./serving/dvc_artifact_source.ts";
import { buildMissingModels } from "./serving/first_run.ts";
import { watchPointer } from "./serving/pointer_watch.ts";
import { createPredictionLogWriter } from "./serving/prediction_log_writer.ts";

/** How the host differs: a container or laptop, or Deno Deploy (no file-system writes). */
export interface HostOptions {
  /** Watch the pointer file for changes (needs a file system that reports events). */
  watchPointer: boolean;
  /** Run the pipeline when pinned artifacts cannot be had (needs a writable workspace). */
  buildMissingModels: boolean;
  /** Where the prediction log spills while the database is down; none on Deno Deploy. */
  spillDir?: string;
  /** Keep model files fetched from the DVC remote in DVC_CACHE_DIR (needs a writable disk). */
  keepRemoteObjects: boolean;
}

/** A running server; `shutdown` drains the prediction log and closes the database. */
export interface RunningServer {
  /**
   * `logTimeoutMs` bounds the prediction log's drain; what is still unwritten then is
   * spilled for the next process (or, with no spill directory, counted as dropped).
   */
  shutdown(options?: { logTimeoutMs?: number }): Promise<void>;
}

/** Wires config, database, models, prediction log and app, then serves. */
export async function startServer(
  config: Config,
  logger: Logger,
  host: HostOptions,
): Promise<RunningServer> {
  // PGlite takes most of a second to open: models load meanwhile.
  const databaseReady = (async () => {
    const database = await openDatabase(config);
    await database.migrate();
    logger.info("Database ready", {
      kind: database.kind,
      location: database.kind === "pglite" ? config.PGLITE_DIR : "DATABASE_URL",
      ...(database.createdFrom ? { createdFrom: database.createdFrom } : {}),
    });
    return database;
  })();

  const source = dvcArtifactSource({
    root: Deno.cwd(),
    cacheDir: config.DVC_CACHE_DIR,
    remoteUrl: config.DVC_REMOTE_URL,
    env: Deno.env.toObject(),
    keepRemoteObjects: host.keepRemoteObjects
      ? {
        onStoreError: (error) =>
          logger.warn("Cannot keep a model file fetched from the DVC remote in the cache", {
            cacheDir: config.DVC_CACHE_DIR,
            reason: error instanceof Error ? error.message : String(error),
          }),
      }
      : undefined,
  });
  const writer = createPredictionLogWriter({
    write: async (entries) => logPredictions((await databaseReady).db, entries),
    spillDir: host.spillDir,
    logger,
    // Embedded PGlite writes on the event loop: smaller batches keep each pause short (p99 at
    // saturation about 40 -> 18 ms, for 5% less throughput). A remote database takes the
    // default 500, which suits it better.
    ...(config.DATABASE_URL ? {} : { maxBatch: 100 }),
  });
  const { app, runtime } = await assembleApp(config, databaseReady, logger, source, writer);
  const database = await databaseReady;
  const server = Deno.serve({
    hostname: config.HOST,
    port: config.PORT,
    onListen: ({ hostname, port }) =>
      logger.info(`Listening on http://${hostname}:${port}`, { hostname, port }),
  }, app.fetch);
  // Listening already, so `/ready` says what is being built while the pipeline runs.
  const stopBuilding = new AbortController();
  const building = host.buildMissingModels
    ? buildMissingModels(config, database, logger, runtime, stopBuilding.signal).catch((error) =>
      stopBuilding.signal.aborted
        ? logger.info("Stopped building the models: the server is shutting down")
        : logger.error("Building the models failed", { reason: String(error) })
    )
    : Promise.resolve();
  const watcher = host.watchPointer
    ? watchPointer(config.MODEL_POINTER_PATH, runtime.reloadIfChanged, logger)
    : undefined;

  return {
    shutdown: async ({ logTimeoutMs } = {}) => {
      logger.info("Shutting down: draining requests and the prediction log");
      watcher?.close();
      stopBuilding.abort();
      await building; // it writes to the database closed below
      await server.shutdown();
      await writer.close({ timeoutMs: logTimeoutMs });
      await database.close();
    },
  };
}
