import type { MiddlewareHandler } from "hono";
import { Counter, Histogram, Registry } from "prom-client";
import { matchedRoute } from "./matched_route.ts";
import type { ModelRegistry } from "../serving/registry/model_registry.ts";
import type { PredictionSink } from "../serving/prediction_log/mod.ts";
import { registerScrapeGauges, type WriterStats } from "../serving/scrape_gauges.ts";
import type { LatestReports } from "../monitor/mod.ts";
import { registerMonitoringGauges } from "./monitoring_gauges.ts";

/** The Prometheus registry of one app, and the hooks that feed it. */
export interface ServerMetrics {
  registry: Registry;
  /** Counts requests and their latency per matched route. */
  middleware: MiddlewareHandler;
  /** Wraps a sink so every logged prediction counts per model, version, head and class. */
  countPredictions(sink: PredictionSink): PredictionSink;
}

/**
 * prom-client hashes a label object on every update; label sets repeat request after
 * request, so each set's child metric is looked up once and kept.
 */
function childrenBy<T>(make: (...labels: string[]) => T): (...labels: string[]) => T {
  const children = new Map<string, T>();
  return (...labels) => {
    const key = labels.join("\0");
    let child = children.get(key);
    if (!child) children.set(key, child = make(...labels));
    return child;
  };
}

/**
 * Metrics for one server: HTTP, predictions, model load state, prediction-log writer, and
 * the newest monitoring report per model.
 */
export function createServerMetrics(
  models: ModelRegistry,
  writerStats: () => WriterStats,
  latestReports: LatestReports,
): ServerMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by method, matched route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by method and matched route",
    labelNames: ["method", "route"],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const predictions = new Counter({
    name: "predictions_total",
    help: "Predictions by model, version, role, head and predicted class",
    labelNames: ["model", "version", "role", "head", "label"],
    registers: [registry],
  });
  const agreement = new Counter({
    name: "challenger_agreement_total",
    help: "Shadow scorings by model, head, champion and challenger versions, and whether " +
      "the challenger predicted the champion's class",
    labelNames: ["model", "head", "champion", "challenger", "agreed"],
    registers: [registry],
  });
  const modelLatency = new Histogram({
    name: "prediction_latency_seconds",
    help: "Model scoring time per instance by model and version",
    labelNames: ["model", "version"],
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05],
    registers: [registry],
  });
  registerScrapeGauges(registry, models, writerStats);
  registerMonitoringGauges(registry, latestReports);

  const requestsOf = childrenBy((...labels) => requests.labels(...labels));
  const durationOf = childrenBy((...labels) => duration.labels(...labels));
  const predictionsOf = childrenBy((...labels) => predictions.labels(...labels));
  const modelLatencyOf = childrenBy((...labels) => modelLatency.labels(...labels));
  const agreementOf = childrenBy((...labels) => agreement.labels(...labels));
  return {
    registry,
    middleware: async (c, next) => {
      const started = performance.now();
      await next();
      const route = matchedRoute(c);
      requestsOf(c.req.method, route, String(c.res.status)).inc();
      durationOf(c.req.method, route).observe((performance.now() - started) / 1000);
    },
    countPredictions: (sink) => ({
      enqueue: (entry) => {
        const { modelName: model, modelVersion: version, latencyMs } = entry.request;
        modelLatencyOf(model, version).observe(latencyMs / 1000);
        for (const { modelVersion, role, head, label } of entry.outputs) {
          predictionsOf(model, modelVersion, role, head, label).inc();
          if (role !== "challenger") continue;
          const champion = entry.outputs.find((o) => o.role === "champion" && o.head === head);
          if (!champion) continue;
          const agreed = String(champion.label === label);
          agreementOf(model, head, champion.modelVersion, modelVersion, agreed).inc();
        }
        sink.enqueue(entry);
      },
      flush: (options) => sink.flush(options),
    }),
  };
}
