import { detectLanguage, extractTerms, ticketText } from "./text_features.ts";

/** Version of the stored ticket features; bump when the text pipeline changes. */
export const ticketFeatureVersion = "2";

/** The `ticket_features` values of a ticket (same text function the model uses). */
export function ticketFeatureValues(ticket: { subject: string; body: string; channel?: string }) {
  const text = ticketText(ticket);
  return {
    text,
    // The model's text is normalised already; its channel pseudo-word is no marker.
    language: detectLanguage(`${ticket.subject} ${ticket.body}`, text),
    tokenCount: extractTerms(text).length,
    featureVersion: ticketFeatureVersion,
  };
}

/**
 * The model input equivalent to a ticket whose stored feature text is `text`: normalising
 * is idempotent, so `ticketText` of the result is `text` itself (by-id triage reads stored
 * features, not the raw ticket).
 */
export function inputFromFeatureText(text: string): { subject: string; body: string } {
  return { subject: text, body: "" };
}
