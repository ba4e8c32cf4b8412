/**
 * Text normalisation and tokenisation shared by training and serving (no skew): accents
 * folded so "expiré" and a typed "expire" meet, word unigrams and bigrams for both
 * languages, and a stop-word vote for the language.
 */

const frenchMarkers = new Set([
  "le",
  "la",
  "les",
  "des",
  "est",
  "pas",
  "je",
  "nous",
  "vous",
  "une",
  "sur",
  "avec",
  "pour",
  "mon",
  "ma",
  "mes",
  "ne",
  "plus",
  "depuis",
  "bonjour",
  "merci",
  "cordialement",
  "il",
  "dans",
]);
const englishMarkers = new Set([
  "the",
  "is",
  "not",
  "i",
  "we",
  "you",
  "my",
  "on",
  "with",
  "for",
  "can",
  "cannot",
  "since",
  "hello",
  "hi",
  "thanks",
  "regards",
  "it",
  "in",
  "to",
  "and",
  "of",
  "this",
  "please",
]);

const nonAscii = /[\u0080-\uffff]/;

/** Lower-cased, accent-free words separated by single spaces. */
export function normalizeText(text: string): string {
  // Plain ASCII (most English tickets) has nothing to fold: skip the Unicode passes.
  if (!nonAscii.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The words a model sees: those of 2+ characters. */
export function termWords(normalized: string): string[] {
  return normalized.split(" ").filter((word) => word.length > 1);
}

/** The terms a model sees: its words, plus adjacent-word bigrams. */
export function extractTerms(normalized: string): string[] {
  const words = termWords(normalized);
  const terms = [...words];
  for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]} ${words[i]}`);
  return terms;
}

/** "fr" when French function words outnumber English ones, else "en". */
export function detectLanguage(normalized: string): "en" | "fr" {
  let score = 0;
  for (const word of normalized.split(" ")) {
    if (frenchMarkers.has(word)) score++;
    else if (englishMarkers.has(word)) score--;
  }
  return score > 0 ? "fr" : "en";
}

/** The text a ticket is classified on: subject, body, and the channel as a pseudo-word. */
export function ticketText(ticket: { subject: string; body: string; channel?: string }): string {
  const channel = ticket.channel ? ` channel${ticket.channel}` : "";
  return normalizeText(`${ticket.subject} ${ticket.body}`) + channel;
}
