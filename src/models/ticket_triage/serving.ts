import { z } from "@hono/zod-openapi";
import type { ServingSpec } from "../../domain/serving_spec.ts";
import { ticketExample, TicketInput } from "./schema.ts";
import { topics, urgencies } from "../../domain/ticket.ts";

const headAnswer = (classes: readonly string[], example: string) =>
  z.object({
    label: z.enum(classes as [string, ...string[]]).openapi({ example }),
    confidence: z.number().min(0).max(1).openapi({ example: 0.93 }),
    scores: z.record(z.string(), z.number()).describe("Probability of every class"),
  });

/** The triage of one ticket. */
export const TicketTriage = z.object({
  topic: headAnswer(topics, "network"),
  urgency: headAnswer(urgencies, "high"),
  needs_review: z.boolean().optional().openapi({
    example: false,
    description: "True when a head's calibrated confidence is below the threshold that kept " +
      "the target precision (REVIEW_PRECISION, default 0.9) on the version's validation split: " +
      "a person should check this triage. Absent for versions trained before calibration.",
  }),
}).openapi("TicketTriage");

/** HTTP face of `ticket-triage`. */
export const ticketTriageServing: ServingSpec = {
  name: "ticket-triage",
  summary: "Classify an IT support ticket (English or French) by topic and urgency",
  input: TicketInput,
  example: ticketExample,
  output: TicketTriage,
  respond: (outputs, _threshold, needsReview) => ({
    ...Object.fromEntries(
      outputs.map(({ head, label, confidence, scores }) => [head, { label, confidence, scores }]),
    ),
    ...(needsReview === undefined ? {} : { needs_review: needsReview }),
  }),
};
