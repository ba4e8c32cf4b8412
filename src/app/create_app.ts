import type { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { v7 as uuidv7 } from "uuid";
import type { Config } from "../shared/config.ts";
import type { KbSearcher, LlmConfig } from "../kb/mod.ts";
import type { DatabaseHandle } from "../db/mod.ts";
import type { Logger } from "../shared/logger.ts";
import type { ModelMetrics } from "../ml/version_files.ts";
import { adminRouter } from "../routes/admin/admin.index.ts";
import { customersRouter } from "../routes/customers/customers.index.ts";
import { feedbackRouter } from "../routes/feedback/feedback.index.ts";
import { healthRouter } from "../routes/health/health.index.ts";
import { modelsRouter } from "../routes/models/models.index.ts";
import { ticketsRouter } from "../routes/tickets/tickets.index.ts";
import { oipErrorBodies, v2Router } from "../routes/v2/v2.index.ts";
import { monitoringRouter } from "../routes/monitoring/monitoring.index.ts";
import {
  DashboardKeys,
  dashboardRouter,
  RequestHistory,
} from "../routes/dashboard/dashboard.index.ts";
import { seedRouter } from "../routes/seed/seed.index.ts";
import { LatestReports } from "../monitor/mod.ts";
import { createServerMetrics } from "./metrics.ts";
import type { ModelRegistry } from "../serving/registry/model_registry.ts";
import { type PredictionSink, scoringSink } from "../serving/prediction_log/mod.ts";
import type { WriterStats } from "../serving/scrape_gauges.ts";
import { accessLog } from "./access_log.ts";
import { apiKeyAuth } from "./auth.ts";
import { bodySizeLimit } from "./body_size_limit.ts";
import { type AppEnv, createRouter } from "../http/create_router.ts";
import { mountDocs } from "./docs_page.ts";
import { errorHandler } from "./error_handler.ts";
import { errorBody } from "../http/error_schema.ts";
import { notFoundHandler } from "./not_found.ts";
import { mountOpenApi } from "./openapi_document.ts";
import { readinessProbes } from "../http/readiness.ts";

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
  /** The newest monitoring report per model, for `/metrics` (default: read from `database`). */
  latestReports?: LatestReports;
  /** Any version's test metrics when they are at hand, for the dashboard's version history. */
  versionMetrics(name: string, version: string): Promise<ModelMetrics | undefined>;
}

/** The LLM that writes suggested replies, when one is configured. */
function llmOf(config: Config): LlmConfig | undefined {
  if (!config.LLM_BASE_URL) return undefined;
  return {
    baseUrl: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
  };
}

/** Builds the whole HTTP app: middleware, every router, OpenAPI document, error mapping. */
export function createApp(dependencies: AppDependencies): OpenAPIHono<AppEnv> {
  const { config, logger, registry } = dependencies;
  const db = dependencies.database.db;
  const metrics = createServerMetrics(
    registry,
    dependencies.writerStats,
    dependencies.latestReports ?? new LatestReports(db),
  );
  const sink = scoringSink(metrics.countPredictions(dependencies.sink));
  const maxBatch = config.MAX_BATCH_SIZE;
  const app = createRouter();
  // Time-ordered like prediction ids, so the log's request-id index grows at its end instead
  // of taking inserts all over a large index (a caller's own X-Request-Id is kept).
  app.use(requestId({ generator: () => uuidv7() }));
  app.use(accessLog(logger, config.LOG_LEVEL));
  app.use(metrics.middleware);
  // The dashboard's error rate over time (the Prometheus counters only add up since start).
  const requestHistory = new RequestHistory();
  app.use(requestHistory.middleware);
  // Outside the key and size checks, so their answers on /v2 take the protocol's shape too.
  app.use("/v2/*", oipErrorBodies);
  if (config.CORS_ORIGINS.length > 0) {
    // Browser code may read the id to quote it (support tickets, feedback, log lookups).
    app.use(cors({ origin: config.CORS_ORIGINS, exposeHeaders: ["X-Request-Id"] }));
  }
  const tooLarge = errorBody(
    "payload_too_large",
    `Body larger than ${config.MAX_BODY_BYTES} bytes`,
  );
  app.use(bodySizeLimit(config.MAX_BODY_BYTES, (c) => c.json(tooLarge, 413)));
  app.use(apiKeyAuth(config.API_KEYS, config.ADMIN_API_KEYS));

  app.route("/", healthRouter(readinessProbes(dependencies.database, registry)));
  const reviewPrecision = config.REVIEW_PRECISION;
  app.route("/", modelsRouter(registry, sink, { maxBatch, reviewPrecision }));
  app.route(
    "/",
    ticketsRouter({ db, registry, sink, kb: dependencies.kb, llm: llmOf(config), reviewPrecision }),
  );
  app.route("/", customersRouter(db, registry, sink));
  app.route("/", feedbackRouter(db, sink));
  app.route("/", monitoringRouter(db));
  app.route("/", v2Router({ registry, sink, maxBatch }));
  app.route("/", adminRouter(registry, dependencies.reloadModels));
  app.route(
    "/",
    dashboardRouter({
      db,
      registry,
      sink,
      kb: dependencies.kb,
      keys: new DashboardKeys(config.API_KEYS, config.ADMIN_API_KEYS),
      writerStats: dependencies.writerStats,
      requestHistory,
      versionMetrics: dependencies.versionMetrics,
    }),
  );
  if (config.SEED_COMPAT_ROUTES) app.route("/", seedRouter({ db, registry, sink }));

  mountOpenApi(app, config);
  app.get("/metrics", async (c) =>
    c.text(await metrics.registry.metrics(), 200, {
      "content-type": metrics.registry.contentType,
    }));
  mountDocs(app);
  app.notFound(notFoundHandler(app));
  app.onError(errorHandler(logger));
  return app;
}
