/**
 * Entry point for Deno Deploy: no file-system writes there, so Postgres must be Neon
 * (`DATABASE_URL`), models come from an HTTP or S3 DVC remote (`DVC_REMOTE_URL`), the
 * pointer is re-read on `POST /admin/reload` (each deployment ships its own pointer file),
 * and the prediction log buffers in memory only.
 */
import { type Config, ConfigError, loadConfig, readEnvironment } from "./shared/config.ts";
import { createLogger } from "./shared/logger.ts";
import { logNodeWarnings } from "./node_warnings.ts";
import { startServer } from "./server.ts";
import { exitOnStopSignals } from "./stop_signals.ts";

/** Deploy kills an instance 5 s after its SIGINT: the drain must end before that. */
const drainDeadlineMs = 4_000;

/** The configuration, refused when Deno Deploy could not run it. */
export function loadDeployConfig(env: Record<string, string | undefined>): Config {
  const config = loadConfig(env);
  const problems: { variable: string; message: string }[] = [];
  if (!config.DATABASE_URL) {
    problems.push({ variable: "DATABASE_URL", message: "required on Deno Deploy (a Neon URL)" });
  }
  if (!/^(https?|s3):\/\//.test(config.DVC_REMOTE_URL)) {
    problems.push({
      variable: "DVC_REMOTE_URL",
      message: "must be an http(s):// or s3:// remote on Deno Deploy",
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  // Deploy's proxy reaches the instance from outside loopback; an explicit HOST still wins.
  return env.HOST ? config : { ...config, HOST: "0.0.0.0" };
}

if (import.meta.main) {
  let config: Config;
  try {
    config = loadDeployConfig(readEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    Deno.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL);
  logNodeWarnings(logger);
  const server = await startServer(config, logger, {
    watchPointer: false,
    buildMissingModels: false,
    keepRemoteObjects: false,
    // Deno Deploy runs isolates on demand: no background schedule (run `deno task monitor`).
    scheduleMonitor: false,
  });
  // Deploy stops an instance with SIGINT: drain the in-memory prediction log, which has no
  // spill file to outlive the process; the drain stops a second before the deadline, so the
  // close itself is clean.
  exitOnStopSignals(server, logger, {
    deadlineMs: drainDeadlineMs,
    logTimeoutMs: drainDeadlineMs - 1_000,
  });
}
