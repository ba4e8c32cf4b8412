import { createRoute, z } from "@hono/zod-openapi";

const Liveness = z.object({ status: z.literal("ok") }).openapi("Liveness");

const Readiness = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.record(z.string(), z.string()).openapi({
    example: { database: "ok", "model:churn": "ok" },
  }),
}).openapi("Readiness");

/** `GET /health`: the process answers. */
export const liveness = createRoute({
  method: "get",
  path: "/health",
  tags: ["Health"],
  summary: "Liveness: the process answers",
  // Probes carry no key: both answer without one even when API keys are configured.
  security: [],
  responses: {
    200: { content: { "application/json": { schema: Liveness } }, description: "Alive" },
  },
});

/** `GET /ready`: 200 only when every condition holds, else 503 with a reason for each. */
export const readiness = createRoute({
  method: "get",
  path: "/ready",
  tags: ["Health"],
  summary: "Readiness: every configured model is loaded and the database answers",
  security: [],
  responses: {
    200: { content: { "application/json": { schema: Readiness } }, description: "Ready" },
    503: {
      content: { "application/json": { schema: Readiness } },
      description: "Not ready; `checks` gives the reason for each failing condition",
    },
  },
});
