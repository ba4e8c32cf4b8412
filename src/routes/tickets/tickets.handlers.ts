import type { z } from "@hono/zod-openapi";
import type { AppRouteHandlers } from "../../http/create_router.ts";
import { fromDatabase } from "../../http/database_errors.ts";
import {
  type Database,
  findLatestTicketPrediction,
  findTicket,
  insertTicketWithFeatures,
  upsertTicketFeatures,
} from "../../db/mod.ts";
import { NotFoundError } from "../../domain/errors.ts";
import { type KbSearcher, type LlmConfig, suggestReply } from "../../kb/mod.ts";
import {
  inputFromFeatureText,
  ticketFeatureValues,
  ticketFeatureVersion,
} from "../../models/ticket_triage/ticket_features.ts";
import type { Topic, Urgency } from "../../domain/ticket.ts";
import { type TicketTriage, ticketTriageServing } from "../../models/ticket_triage/serving.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import { needsReview } from "../../serving/review.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type * as routes from "./tickets.routes.ts";

/** What the tickets area needs: storage, the model, the knowledge base and maybe an LLM. */
export interface TicketsDependencies {
  db: Database;
  registry: ModelRegistry;
  sink: ScoringSink;
  kb: KbSearcher;
  llm?: LlmConfig;
  /** Target precision of unreviewed triages (`needs_review`). */
  reviewPrecision: number;
}

/** Triages a ticket from its features (logged against its id) and suggests a reply. */
async function triage(
  deps: TicketsDependencies,
  ticket: { id: string; subject: string; body: string },
  features: { text: string; language: "en" | "fr" },
  requestId: string,
) {
  const served = deps.registry.require(ticketTriageServing.name);
  const [prediction] = predict(deps.registry, deps.sink, served, [
    inputFromFeatureText(features.text),
  ], { requestId, ticketId: ticket.id });
  const result = ticketTriageServing.respond(
    prediction.outputs,
    undefined,
    needsReview(served, prediction.outputs, deps.reviewPrecision),
  ) as z.infer<
    typeof TicketTriage
  >;
  const reply = await suggestReply({
    subject: ticket.subject,
    body: ticket.body,
    topic: result.topic.label as Topic,
    urgency: result.urgency.label as Urgency,
    language: features.language,
  }, { kb: deps.kb, llm: deps.llm });
  return {
    ticket_id: ticket.id,
    prediction_id: prediction.predictionId,
    model: served.name,
    version: served.version,
    language: features.language,
    triage: result,
    suggested_reply: {
      source: reply.source,
      text: reply.text,
      articles: reply.articles,
      ...(reply.fallbackReason ? { fallback_reason: reply.fallbackReason } : {}),
    },
  };
}

/** The tickets handlers: store, read and (re-)triage tickets. */
export function ticketsHandlers(deps: TicketsDependencies): AppRouteHandlers<typeof routes> {
  const stored = async (id: string) => {
    const ticket = await fromDatabase(() => findTicket(deps.db, id));
    if (!ticket) throw new NotFoundError("ticket", id);
    return ticket;
  };
  return {
    createTicket: async (c) => {
      const input = c.req.valid("json");
      // Checked first: a ticket is not stored when it cannot be triaged.
      deps.registry.require(ticketTriageServing.name);
      const features = ticketFeatureValues(input);
      const ticket = await fromDatabase(() =>
        insertTicketWithFeatures(deps.db, {
          subject: input.subject,
          body: input.body,
          channel: input.channel ?? "portal",
          language: features.language,
          source: "api",
        }, features)
      );
      return c.json(await triage(deps, ticket, features, c.get("requestId")), 201);
    },
    getTicket: async (c) => {
      const { id } = c.req.valid("param");
      const ticket = await stored(id);
      const latest = await fromDatabase(() => findLatestTicketPrediction(deps.db, id));
      return c.json({
        id: ticket.id,
        subject: ticket.subject,
        body: ticket.body,
        channel: ticket.channel,
        language: ticket.features?.language ?? ticket.language,
        created_at: ticket.createdAt.toISOString(),
        latest_triage: latest
          ? {
            prediction_id: latest.id,
            model_version: latest.modelVersion,
            created_at: latest.createdAt.toISOString(),
            outputs: Object.fromEntries(
              latest.outputs.filter((o) => o.role === "champion")
                .map((o) => [o.head, { label: o.label, confidence: o.confidence }]),
            ),
          }
          : null,
      }, 200);
    },
    retriageTicket: async (c) => {
      const { id } = c.req.valid("param");
      const ticket = await stored(id);
      let features = ticket.features;
      // Missing, or made by an older text pipeline: computed afresh and stored.
      if (features?.featureVersion !== ticketFeatureVersion) {
        const values = ticketFeatureValues(ticket);
        await fromDatabase(() => upsertTicketFeatures(deps.db, [{ ticketId: id, ...values }]));
        features = { ticketId: id, ...values, computedAt: new Date() };
      }
      return c.json(await triage(deps, ticket, features, c.get("requestId")), 200);
    },
  };
}
