import { createApp } from "./app/create_app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { logPredictions } from "./db/repositories/predictions.ts";
import { Bm25Index, loadKnowledgeBase } from "./kb/mod.ts";
import { createLogger } from "./logger.ts";
import { initTensorflow } from "./ml/backend.ts";
import { buildMissingModels } from "./serving/first_run.ts";
import { watchPointer } from "./serving/pointer_watch.ts";
import { createModelRuntime } from "./serving/runtime.ts";
import { dvcArtifactSource } from "./serving/dvc_artifact_source.ts";

/** Starts the server: config, database, models by pointer, app, graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig(Deno.env.toObject());
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config);
  await database.migrate();
  logger.info("Database ready", {
    kind: database.kind,
    location: database.kind === "pglite" ? config.PGLITE_DIR : "DATABASE_URL",
  });

  logger.info("tfjs backend ready", { backend: await initTensorflow() });
  const source = dvcArtifactSource({
    root: Deno.cwd(),
    cacheDir: config.DVC_CACHE_DIR,
    remoteUrl: config.DVC_REMOTE_URL,
    env: Deno.env.toObject(),
  });
  const runtime = createModelRuntime(config, database, logger, source);
  await runtime.reload();
  await buildMissingModels(config, database, logger, runtime);
  const watcher = watchPointer(config.MODEL_POINTER_PATH, runtime.reload, logger);

  const sink = {
    enqueue: (entry: Parameters<typeof logPredictions>[1][number]) =>
      void logPredictions(database.db, [entry]).catch((error) =>
        logger.error("Cannot log prediction", { reason: String(error) })
      ),
  };
  const app = createApp({
    config,
    database,
    logger,
    registry: runtime.registry,
    kb: new Bm25Index(await loadKnowledgeBase()),
    writerStats: () => ({ queued: 0, spilled: 0, written: 0, dropped: 0, failedWrites: 0 }),
    sink,
    reloadModels: runtime.reload,
  });
  const server = Deno.serve({
    hostname: config.HOST,
    port: config.PORT,
    onListen: ({ hostname, port }) =>
      logger.info(`Listening on http://${hostname}:${port}`, { hostname, port }),
  }, app.fetch);

  const shutdown = async () => {
    logger.info("Shutting down");
    watcher.close();
    await server.shutdown();
    await database.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", shutdown);
  Deno.addSignalListener("SIGTERM", shutdown);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    Deno.exit(2);
  }
}
