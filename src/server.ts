import { assembleApp } from "./app/assemble_app.ts";
import { databaseTimeoutMs } from "./http/database_errors.ts";
import { describeError } from "./shared/describe_error.ts";
import { withTimeout } from "./shared/with_timeout.ts";
import { type Config, readEnvironment } from "./shared/config.ts";
import { s3Variables } from "./dvc/mod.ts";
import { type DatabaseHandle, logPredictions, openDatabase } from "./db/mod.ts";
import type { Logger } from "./shared/logger.ts";
import { dvcArtifactSource } from "./serving/registry/dvc_artifact_source.ts";
import { migrateInBackground } from "./serving/background_migration.ts";
import { buildMissingModels } from "./serving/first_run.ts";
import { watchPointer } from "./serving/registry/pointer_watch.ts";
import { createPredictionLogWriter } from "./serving/prediction_log/mod.ts";
import { startServerMonitor } from "./server_monitor.ts";

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
  /** Run the monitor every `MONITOR_INTERVAL` (a long-lived process; not Deno Deploy). */
  scheduleMonitor: boolean;
}

/** A running server; `shutdown` drains the prediction log and closes the database. */
export interface RunningServer {
  /**
   * `requestsTimeoutMs` bounds the wait for requests in flight (one stuck on a hung database
   * must not keep the log from being saved); `logTimeoutMs` bounds the prediction log's drain,
   * what is still unwritten then is spilled for the next process (or, with no spill
   * directory, counted as dropped).
   */
  shutdown(options?: { requestsTimeoutMs?: number; logTimeoutMs?: number }): Promise<void>;
}

/** Resolves once `database` is migrated (at once when it was before it was handed over). */
const migrated = (database: DatabaseHandle) => database.migrated ?? Promise.resolve();

/** The longest a request may take: its database calls, an LLM reply, a feedback's wait. */
const requestsDrainMs = 10_000;

/** Wires config, database, models, prediction log and app, then serves. */
export async function startServer(
  config: Config,
  logger: Logger,
  host: HostOptions,
): Promise<RunningServer> {
  const stopping = new AbortController();
  // PGlite takes most of a second to open: models load meanwhile. Its failures are final (a
  // lock held by another process); a remote database may be away and is migrated once back.
  const databaseReady = (async () => {
    const opened = await openDatabase(config);
    const database = config.DATABASE_URL
      ? migrateInBackground(opened, logger, stopping.signal)
      : await opened.migrate().then(() => opened);
    migrated(database).then(() =>
      logger.info("Database ready", {
        kind: database.kind,
        location: database.kind === "pglite" ? config.PGLITE_DIR : "DATABASE_URL",
        ...(database.createdFrom ? { createdFrom: database.createdFrom } : {}),
      }), () => {});
    return database;
  })();

  const source = dvcArtifactSource({
    root: Deno.cwd(),
    cacheDir: config.DVC_CACHE_DIR,
    remoteUrl: config.DVC_REMOTE_URL,
    env: readEnvironment(s3Variables),
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
  const { app, runtime, latestReports } = await assembleApp(
    config,
    databaseReady,
    logger,
    source,
    writer,
  );
  const database = await databaseReady;
  const server = Deno.serve({
    hostname: config.HOST,
    port: config.PORT,
    onListen: ({ hostname, port }) =>
      logger.info(`Listening on http://${hostname}:${port}`, { hostname, port }),
  }, app.fetch);
  // Listening already, so `/ready` says what is being built while the pipeline runs.
  const building = host.buildMissingModels
    ? migrated(database).then(() =>
      buildMissingModels(config, database, logger, runtime, stopping.signal)
    ).catch((error) =>
      stopping.signal.aborted
        ? logger.info("Stopped building the models: the server is shutting down")
        : logger.error("Building the models failed", { reason: String(error) })
    )
    : Promise.resolve();
  const monitor = host.scheduleMonitor
    ? startServerMonitor(config, logger, { database, registry: runtime.registry, latestReports })
    : undefined;
  const watcher = host.watchPointer
    ? watchPointer(config.MODEL_POINTER_PATH, runtime.reloadIfChanged, logger)
    : undefined;

  return {
    shutdown: async ({ requestsTimeoutMs = requestsDrainMs, logTimeoutMs } = {}) => {
      logger.info("Shutting down: draining requests and the prediction log");
      watcher?.close();
      stopping.abort();
      await building; // it writes to the database closed below
      const bounded = (promise: Promise<void>, ms: number, what: string) =>
        withTimeout(promise, ms, what).catch((error) =>
          logger.warn(`${what} did not finish; going on without it`, {
            reason: describeError(error),
          })
        );
      await bounded(server.shutdown(), requestsTimeoutMs, "Draining requests");
      // A run in progress writes to the database closed below.
      if (monitor) await bounded(monitor.stop(), databaseTimeoutMs, "Stopping the monitor");
      await writer.close({ timeoutMs: logTimeoutMs });
      await bounded(database.close(), databaseTimeoutMs, "Closing the database");
    },
  };
}
