import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, jsonResponse, unauthorizedResponse } from "../../http/error_schema.ts";
import { TicketInput } from "../../models/ticket_triage/schema.ts";
import { TicketTriage } from "../../models/ticket_triage/serving.ts";

const SuggestedReply = z.object({
  source: z.enum(["llm", "retrieval"]),
  text: z.string(),
  articles: z.array(z.object({ id: z.string(), title: z.string(), score: z.number() })),
  fallback_reason: z.string().optional().describe("Why the LLM answer was not used"),
}).openapi("SuggestedReply");

const TriageResult = z.object({
  ticket_id: z.uuid(),
  prediction_id: z.uuid(),
  model: z.string(),
  version: z.string(),
  language: z.enum(["en", "fr"]),
  triage: TicketTriage,
  suggested_reply: SuggestedReply,
}).openapi("TriageResult");

const StoredTicket = z.object({
  id: z.uuid(),
  subject: z.string(),
  body: z.string(),
  channel: z.string(),
  language: z.string().nullable(),
  created_at: z.string(),
  latest_triage: z.object({
    prediction_id: z.uuid(),
    model_version: z.string(),
    created_at: z.string(),
    outputs: z.record(z.string(), z.object({ label: z.string(), confidence: z.number() })),
  }).nullable(),
}).openapi("StoredTicket");

const TicketId = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
});

const notReady = errorResponse(
  "The ticket-triage model is not loaded, or the database is down",
  { codes: ["model_not_ready", "database_unavailable"], model: "ticket-triage" },
);

/** `POST /v1/tickets`: store a ticket, triage it, suggest a reply. */
export const createTicket = createRoute({
  method: "post",
  path: "/v1/tickets",
  tags: ["Tickets"],
  summary: "Store a ticket, triage it and suggest a reply",
  request: { body: { required: true, content: { "application/json": { schema: TicketInput } } } },
  responses: {
    201: jsonResponse(TriageResult, "Stored and triaged"),
    401: unauthorizedResponse,
    422: errorResponse("Invalid ticket"),
    503: notReady,
  },
});

/** `GET /v1/tickets/{id}`: a stored ticket and its latest triage. */
export const getTicket = createRoute({
  method: "get",
  path: "/v1/tickets/{id}",
  tags: ["Tickets"],
  summary: "A stored ticket and its latest triage",
  request: { params: TicketId },
  responses: {
    200: jsonResponse(StoredTicket, "The ticket"),
    401: unauthorizedResponse,
    404: errorResponse("Unknown ticket"),
    422: errorResponse("The id is not a UUID"),
    503: errorResponse("The database did not answer", { codes: ["database_unavailable"] }),
  },
});

/** `POST /v1/tickets/{id}/triage`: triage a stored ticket again, e.g. after a new model. */
export const retriageTicket = createRoute({
  method: "post",
  path: "/v1/tickets/{id}/triage",
  tags: ["Tickets"],
  summary: "Triage a stored ticket again from its stored features (e.g. after a new model)",
  request: { params: TicketId },
  responses: {
    200: jsonResponse(TriageResult, "Triaged"),
    401: unauthorizedResponse,
    404: errorResponse("Unknown ticket"),
    422: errorResponse("The id is not a UUID"),
    503: notReady,
  },
});
