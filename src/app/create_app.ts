import type { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { healthRouter } from "../routes/health/health_router.ts";
import { createRouter } from "./create_router.ts";
import { errorBody } from "./error_schema.ts";
import type { ReadinessProbe } from "./readiness.ts";

/** What the app needs from the outside world; tests pass their own. */
export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
}

/** Builds the whole HTTP app: middleware, every router, OpenAPI document, error mapping. */
export function createApp({ database, logger }: AppDependencies): OpenAPIHono {
  const probes: ReadinessProbe[] = [{
    name: "database",
    check: async () => void await database.ping(),
  }];

  const app = createRouter();
  app.use(requestId());
  app.route("/", healthRouter(probes));

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Edge inference API",
      version: "1.0.0",
      description: "Ticket triage and churn prediction, served from DVC-versioned models.",
    },
  });

  app.notFound((c) =>
    c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404)
  );
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    }
    if (error instanceof HTTPException) {
      return c.json(errorBody("http_error", error.message), error.status);
    }
    logger.error("Unhandled error", {
      requestId: c.get("requestId"),
      path: c.req.path,
      error: error instanceof Error ? error.stack : String(error),
    });
    return c.json(errorBody("internal_error", "Internal server error"), 500);
  });
  return app;
}
