import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "../shared/config.ts";
import { product } from "../shared/product.ts";
import type { AppEnv } from "../http/create_router.ts";
import { withErrorDocs } from "../http/error_examples.ts";

/** The document's header: what the API is, how it is secured, its tags in reading order. */
function documentConfig(config: Config) {
  return {
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
      { name: "Monitoring", description: "Drift and quality reports of the served models" },
      { name: "Open Inference Protocol (V2)", description: "KServe-compatible inference" },
      { name: "Admin", description: "Operations behind the admin keys" },
      {
        name: "Seed services (compatibility)",
        description: "The replaced services' own routes and payloads, for their existing " +
          "clients (`SEED_COMPAT_ROUTES=false` turns them off)",
      },
    ],
  };
}

/**
 * `/openapi.json`: the document of every route mounted on `app`, generated per request, its
 * error responses and examples completed by `withErrorDocs`; and the `bearer` scheme it names.
 */
export function mountOpenApi(app: OpenAPIHono<AppEnv>, config: Config): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  const header = documentConfig(config);
  app.get("/openapi.json", (c) => c.json(withErrorDocs(app.getOpenAPI31Document(header))));
}
