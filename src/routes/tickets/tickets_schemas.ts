import { z } from "@hono/zod-openapi";
import { TicketTriage } from "../../models/ticket_triage/serving.ts";

export const SuggestedReply = z.object({
  source: z.enum(["llm", "retrieval"]),
  text: z.string(),
  articles: z.array(z.object({ id: z.string(), title: z.string(), score: z.number() })),
  fallback_reason: z.string().optional().describe("Why the LLM answer was not used"),
}).openapi("SuggestedReply");

export const TriageResult = z.object({
  ticket_id: z.uuid(),
  prediction_id: z.uuid(),
  model: z.string(),
  version: z.string(),
  language: z.enum(["en", "fr"]),
  triage: TicketTriage,
  suggested_reply: SuggestedReply,
}).openapi("TriageResult");

export const StoredTicket = z.object({
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

export const TicketId = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
});
