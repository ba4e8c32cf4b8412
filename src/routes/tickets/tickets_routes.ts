import { createRoute } from "@hono/zod-openapi";
import { errorResponse, jsonResponse } from "../../app/error_schema.ts";
import { TicketInput } from "../../models/ticket_triage/schema.ts";
import { StoredTicket, TicketId, TriageResult } from "./tickets_schemas.ts";

const unauthorized = errorResponse("Missing or invalid API key");
const notReady = errorResponse(
  "The ticket-triage model is not loaded, or the database is down",
  { codes: ["model_not_ready", "database_unavailable"], model: "ticket-triage" },
);

export const createTicket = createRoute({
  method: "post",
  path: "/v1/tickets",
  tags: ["Tickets"],
  summary: "Store a ticket, triage it and suggest a reply",
  request: { body: { required: true, content: { "application/json": { schema: TicketInput } } } },
  responses: {
    201: jsonResponse(TriageResult, "Stored and triaged"),
    401: unauthorized,
    422: errorResponse("Invalid ticket"),
    503: notReady,
  },
});

export const getTicket = createRoute({
  method: "get",
  path: "/v1/tickets/{id}",
  tags: ["Tickets"],
  summary: "A stored ticket and its latest triage",
  request: { params: TicketId },
  responses: {
    200: jsonResponse(StoredTicket, "The ticket"),
    401: unauthorized,
    404: errorResponse("Unknown ticket"),
    422: errorResponse("The id is not a UUID"),
    503: errorResponse("The database did not answer", { codes: ["database_unavailable"] }),
  },
});

export const retriageTicket = createRoute({
  method: "post",
  path: "/v1/tickets/{id}/triage",
  tags: ["Tickets"],
  summary: "Triage a stored ticket again from its stored features (e.g. after a new model)",
  request: { params: TicketId },
  responses: {
    200: jsonResponse(TriageResult, "Triaged"),
    401: unauthorized,
    404: errorResponse("Unknown ticket"),
    422: errorResponse("The id is not a UUID"),
    503: notReady,
  },
});
