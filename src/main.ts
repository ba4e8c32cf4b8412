/** Entry point for a laptop or a container: `deno task start`. */
import { ConfigError, loadConfig, readEnvironment } from "./shared/config.ts";
import { DatabaseInUse } from "./db/mod.ts";
import { createLogger } from "./shared/logger.ts";
import { logNodeWarnings } from "./node_warnings.ts";
import { startServer } from "./server.ts";
import { exitOnStopSignals } from "./stop_signals.ts";

if (import.meta.main) {
  try {
    const config = loadConfig(readEnvironment());
    const logger = createLogger(config.LOG_LEVEL);
    logNodeWarnings(logger);
    const server = await startServer(config, logger, {
      watchPointer: true,
      buildMissingModels: config.AUTO_BUILD_MODELS !== false,
      spillDir: config.SPILL_DIR,
      keepRemoteObjects: true,
      scheduleMonitor: true,
    });
    exitOnStopSignals(server, logger);
  } catch (error) {
    // What the user can fix gets its message alone; anything else keeps its stack.
    if (!(error instanceof ConfigError || error instanceof DatabaseInUse)) throw error;
    console.error(error.message);
    Deno.exit(2);
  }
}
