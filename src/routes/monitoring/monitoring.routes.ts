import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, jsonResponse, unauthorizedResponse } from "../../http/error_schema.ts";

const ReportId = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
});

const ListQuery = z.object({
  model: z.string().min(1).max(100).optional().describe("Only this model's reports (history)"),
  limit: z.coerce.number().int().min(1).max(200).optional()
    .describe("History: this many newest reports (default 20)"),
});

const FormatQuery = z.object({
  format: z.enum(["json", "legacy", "snapshot", "html"]).default("json")
    .describe("json: the stored report; legacy/snapshot: Evidently's drift JSON; html: a page"),
});

const unavailable = errorResponse("The database did not answer", {
  codes: ["database_unavailable"],
});

/** What lists show of a report. */
export const ReportSummary = z.object({
  id: z.uuid(),
  model: z.string(),
  version: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  status: z.string().describe("ok, empty_window, no_reference or drift_error"),
  drift_detected: z.boolean(),
  drift_share: z.number(),
  drifted_columns: z.array(z.string()),
  accuracy: z.record(z.string(), z.number().nullable())
    .describe("Per head, from feedback; null without feedback"),
  no_feedback: z.boolean(),
  created_at: z.string(),
}).openapi("MonitoringReportSummary");

/** `GET /v1/monitoring/reports`: the newest report per model, or a model's history. */
export const listReports = createRoute({
  method: "get",
  path: "/v1/monitoring/reports",
  tags: ["Monitoring"],
  summary: "The newest drift and quality report of each model; ?model= or ?limit= for history",
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(z.object({ reports: z.array(ReportSummary) }), "Reports, newest first"),
    401: unauthorizedResponse,
    404: errorResponse("Unknown model"),
    422: errorResponse("Invalid model or limit"),
    503: unavailable,
  },
});

/** `GET /v1/monitoring/reports/{id}`: one report, as stored, in Evidently's JSON or as HTML. */
export const getReport = createRoute({
  method: "get",
  path: "/v1/monitoring/reports/{id}",
  tags: ["Monitoring"],
  summary: "One monitoring report: stored JSON, Evidently legacy or snapshot JSON, or HTML",
  request: { params: ReportId, query: FormatQuery },
  responses: {
    200: {
      content: {
        "application/json": { schema: z.record(z.string(), z.unknown()) },
        "text/html": { schema: z.string() },
      },
      description: "The report (`text/html` with ?format=html)",
    },
    401: unauthorizedResponse,
    404: errorResponse("Unknown report, or no drift comparison in it for ?format=legacy|snapshot"),
    422: errorResponse("The id is not a UUID, or an unknown format"),
    503: unavailable,
  },
});
