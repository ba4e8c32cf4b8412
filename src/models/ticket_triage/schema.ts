import { z } from "@hono/zod-openapi";
import { storable } from "../../db/mod.ts";
import { channels } from "../../domain/ticket.ts";

/** The documented example ticket. */
export const ticketExample = {
  subject: "VPN down for the whole finance team",
  body: "Since 9am nobody in finance can connect to the VPN. Payroll is due today.",
  channel: "email",
} as const;

/** A letter, digit, punctuation mark or symbol (emoji included). */
const visibleCharacter = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Trimmed text with something to read: trim keeps zero-width spaces and other invisible
 * format characters, so a text of nothing else is refused like an empty one.
 */
const readableText = (max: number) =>
  storable(
    z.string().trim().min(1, { abort: true }).max(max)
      .refine((text) => visibleCharacter.test(text), "must contain a visible character"),
  );

/** One ticket to triage, as clients send it. */
export const TicketInput = z.object({
  subject: readableText(300),
  body: readableText(20_000),
  channel: z.enum(channels).optional(),
}).openapi("TicketInput", { example: ticketExample });

export type TicketInput = z.infer<typeof TicketInput>;
