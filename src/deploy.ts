/**
 * Entry point for Deno Deploy: no file-system writes there, so Postgres must be Neon
 * (`DATABASE_URL`), models come from an HTTP or S3 DVC remote (`DVC_REMOTE_URL`), the
 * pointer is re-read on `POST /admin/reload` (each deployment ships its own pointer file),
 * and the prediction log buffers in memory only.
 */
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startServer } from "./server.ts";

try {
  const config = loadConfig(Deno.env.toObject());
  if (!config.DATABASE_URL) {
    throw new ConfigError([{
      variable: "DATABASE_URL",
      message: "required on Deno Deploy (a Neon URL)",
    }]);
  }
  if (!/^(https?|s3):\/\//.test(config.DVC_REMOTE_URL)) {
    throw new ConfigError([{
      variable: "DVC_REMOTE_URL",
      message: "must be an http(s):// or s3:// remote on Deno Deploy",
    }]);
  }
  await startServer({ ...config, HOST: "0.0.0.0" }, createLogger(config.LOG_LEVEL), {
    watchPointer: false,
    buildMissingModels: false,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  throw error;
}
