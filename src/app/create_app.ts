import type { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { v7 as uuidv7 } from "uuid";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { DomainError, NotFoundError, unsupportedMediaTypeMessage } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { adminRouter } from "../routes/admin/admin_router.ts";
import { customersRouter } from "../routes/customers/customers_router.ts";
import { feedbackRouter } from "../routes/feedback/feedback_router.ts";
import type { KbSearcher } from "../kb/mod.ts";
import { ticketsRouter } from "../routes/tickets/tickets_router.ts";
import { healthRouter } from "../routes/health/health_router.ts";
import { modelsRouter } from "../routes/models/models_router.ts";
import { v2Router } from "../routes/v2/v2_router.ts";
import type { ModelRegistry } from "../serving/model_registry.ts";
import { createServerMetrics } from "../serving/metrics.ts";
import type { WriterStats } from "../serving/scrape_gauges.ts";
import { type PredictionSink, scoringSink } from "../serving/prediction_log/mod.ts";
import { accessLog } from "./access_log.ts";
import { apiKeyAuth } from "./auth.ts";
import { bodySizeLimit } from "./body_size_limit.ts";
import { type AppEnv, createRouter } from "./create_router.ts";
import { mountDocs } from "./docs_page.ts";
import { withErrorDocs } from "./error_examples.ts";
import { routeMethods } from "./route_methods.ts";
import { errorBody } from "./error_schema.ts";
import { product } from "../product.ts";
import type { ReadinessProbe } from "./readiness.ts";

const unknownModelPredict = /^\/v1\/models\/([^/]+)\/predict$/;

/** What the app needs from the outside world; tests pass their own. */
export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  registry: ModelRegistry;
  sink: PredictionSink;
  kb: KbSearcher;
  /** Counters of the prediction-log writer, exported on `/metrics`. */
  writerStats(): WriterStats;
  /** Re-reads the model pointer; returns the versions swapped in. */
  reloadModels(): Promise<string[]>;
}

function readinessProbes({ database, registry }: AppDependencies): ReadinessProbe[] {
  return [
    {
      name: "database",
      check: async () => {
        await database.ping();
        return { ok: true };
      },
    },
    ...registry.configured.map((name) => ({
      name: `model:${name}`,
      // Still serving an older version after a refused load is ready, with the reason shown;
      // so is a champion whose challenger was refused (no online comparison meanwhile).
      check: () => {
        const status = registry.status().find((s) => s.name === name);
        const ok = status?.champion !== undefined;
        const detail = status?.problem ?? (ok ? `ok (${status!.champion!.version})` : "not loaded");
        const challenger = status?.challengerProblem && `challenger: ${status.challengerProblem}`;
        return Promise.resolve({ ok, detail: challenger ? `${detail}; ${challenger}` : detail });
      },
    })),
  ];
}

/** Builds the whole HTTP app: middleware, every router, OpenAPI document, error mapping. */
export function createApp(dependencies: AppDependencies): OpenAPIHono<AppEnv> {
  const { config, logger } = dependencies;
  const metrics = createServerMetrics(dependencies.registry, dependencies.writerStats);
  const deps = { ...dependencies, sink: scoringSink(metrics.countPredictions(dependencies.sink)) };
  const app = createRouter();
  // Time-ordered like prediction ids, so the log's request-id index grows at its end instead
  // of taking inserts all over a large index (a caller's own X-Request-Id is kept).
  app.use(requestId({ generator: () => uuidv7() }));
  app.use(accessLog(logger, config.LOG_LEVEL));
  app.use(metrics.middleware);
  if (config.CORS_ORIGINS.length > 0) {
    // Browser code may read the id to quote it (support tickets, feedback, log lookups).
    app.use(cors({ origin: config.CORS_ORIGINS, exposeHeaders: ["X-Request-Id"] }));
  }
  app.use(bodySizeLimit(
    config.MAX_BODY_BYTES,
    (c) =>
      c.json(
        errorBody("payload_too_large", `Body larger than ${config.MAX_BODY_BYTES} bytes`),
        413,
      ),
  ));
  app.use(apiKeyAuth(config.API_KEYS, config.ADMIN_API_KEYS));
  app.route("/", healthRouter(readinessProbes(deps)));
  app.route("/", modelsRouter(deps.registry, deps.sink, config.MAX_BATCH_SIZE));
  app.route(
    "/",
    ticketsRouter({
      db: deps.database.db,
      registry: deps.registry,
      sink: deps.sink,
      kb: deps.kb,
      llm: config.LLM_BASE_URL
        ? {
          baseUrl: config.LLM_BASE_URL,
          apiKey: config.LLM_API_KEY,
          model: config.LLM_MODEL,
          timeoutMs: config.LLM_TIMEOUT_MS,
        }
        : undefined,
    }),
  );
  app.route("/", customersRouter(deps.database.db, deps.registry, deps.sink));
  app.route("/", feedbackRouter(deps.database.db, deps.sink));
  app.route("/", v2Router(deps.registry, deps.sink, config.MAX_BATCH_SIZE));
  app.route("/", adminRouter(deps.registry, deps.reloadModels));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  const documentConfig = {
    openapi: "3.1.0",
    info: {
      title: "Edge inference API",
      version: product.version,
      description: "Ticket triage and churn prediction, served from DVC-versioned models. " +
        "When API keys are configured, send `Authorization: Bearer <key>`.",
    },
    // `/v1` and `/v2` need a key only when keys are configured; the document says which.
    security: config.API_KEYS.length > 0 ? [{ bearer: [] }] : [],
    tags: [
      { name: "Health", description: "Liveness and readiness" },
      { name: "Model serving", description: "Served versions and predictions" },
      { name: "Tickets", description: "Store, triage and answer support tickets" },
      { name: "Customers", description: "Churn from stored customer features" },
      { name: "Feedback", description: "Ground truth for served predictions" },
      { name: "Open Inference Protocol (V2)", description: "KServe-compatible inference" },
      { name: "Admin", description: "Operations behind the admin keys" },
    ],
  };
  app.get(
    "/openapi.json",
    (c) => c.json(withErrorDocs(app.getOpenAPI31Document(documentConfig))),
  );
  app.get(
    "/metrics",
    async (c) =>
      c.text(await metrics.registry.metrics(), 200, {
        "content-type": metrics.registry.contentType,
      }),
  );
  mountDocs(app);

  let methodsOf: ((path: string) => string[]) | undefined;
  // Any other model's predict path: a 404 naming the model rather than a bare "no route".
  // Not a `:name` route beside the per-model ones, which would cost Hono its fastest router.
  app.notFound((c) => {
    methodsOf ??= routeMethods(app.routes);
    const allowed = methodsOf(c.req.path);
    if (allowed.length > 0) {
      c.header("allow", allowed.join(", "));
      return c.json(
        errorBody(
          "method_not_allowed",
          `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(" or ")}`,
        ),
        405,
      );
    }
    const model = c.req.method === "POST" ? unknownModelPredict.exec(c.req.path)?.[1] : undefined;
    const message = model
      ? new NotFoundError("model", model).message
      : `No route for ${c.req.method} ${c.req.path}`;
    return c.json(errorBody("not_found", message), 404);
  });
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    }
    if (error instanceof HTTPException && error.status === 415) {
      return c.json(errorBody("unsupported_media_type", unsupportedMediaTypeMessage), 415);
    }
    if (error instanceof HTTPException) {
      return c.json(errorBody("bad_request", error.message), error.status);
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
