import { createApp } from "./app/create_app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { createLogger } from "./logger.ts";

/** Starts the server: config, database (migrated), app, signal-driven graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig(Deno.env.toObject());
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config);
  await database.migrate();
  logger.info("Database ready", {
    kind: database.kind,
    location: database.kind === "pglite" ? config.PGLITE_DIR : "DATABASE_URL",
  });

  const app = createApp({ config, database, logger });
  const server = Deno.serve({
    hostname: config.HOST,
    port: config.PORT,
    onListen: ({ hostname, port }) =>
      logger.info(`Listening on http://${hostname}:${port}`, { hostname, port }),
  }, app.fetch);

  const shutdown = async () => {
    logger.info("Shutting down");
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
