import type { MiddlewareHandler } from "hono";
import { type Logger, type LogLevel, writes } from "../shared/logger.ts";
import type { AppEnv } from "../http/create_router.ts";
import { matchedRoute } from "./matched_route.ts";

/** Probes and scrapes that arrive every few seconds: logged at debug, not info. */
const probePaths = new Set([
  "/health",
  "/ready",
  "/metrics",
  "/v2/health/live",
  "/v2/health/ready",
]);

/**
 * One structured line per request, after it is answered: method, path, matched route, status,
 * duration and request id (the id `prediction_requests` keeps, to join the two).
 */
export function accessLog(logger: Logger, minLevel: LogLevel): MiddlewareHandler<AppEnv> {
  // Above info (the setting for peak throughput) no line is written: nothing to build per request.
  if (!writes(minLevel, "info")) return (_c, next) => next();
  return async (c, next) => {
    const started = performance.now();
    await next();
    const { method, path } = c.req;
    const log = probePaths.has(path) ? logger.debug : logger.info;
    log(`${method} ${path} ${c.res.status}`, {
      method,
      path,
      route: matchedRoute(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requestId: c.get("requestId"),
    });
  };
}
