/** Generated tickets as the training rows `deno task snapshot` exports (labels as generated). */
import type { TicketRow } from "../../src/models/ticket_triage/model.ts";
import type { SyntheticTicket } from "../../src/pipeline/synthetic/ticket_generator.ts";

/** One generated ticket as a training row. */
export const ticketRowOf = (t: SyntheticTicket): TicketRow => ({
  id: t.id,
  subject: t.subject,
  body: t.body,
  channel: t.channel,
  language: t.language,
  topic: t.topic,
  urgency: t.urgency,
  created_at: t.createdAt.toISOString(),
});
