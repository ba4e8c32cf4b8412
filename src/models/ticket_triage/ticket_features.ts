import { detectLanguage, extractTerms, ticketText } from "./text_features.ts";

/** Version of the stored ticket features; bump when the text pipeline changes. */
export const ticketFeatureVersion = "1";

/** The `ticket_features` values of a ticket (same text function the model uses). */
export function ticketFeatureValues(ticket: { subject: string; body: string; channel?: string }) {
  const text = ticketText(ticket);
  return {
    text,
    language: detectLanguage(text),
    tokenCount: extractTerms(text).length,
    featureVersion: ticketFeatureVersion,
  };
}
