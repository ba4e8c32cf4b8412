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

/** Lower-cased, accent-free words separated by single spaces. */
export function normalizeText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The terms a model sees: words of 2+ characters, plus adjacent-word bigrams. */
export function extractTerms(normalized: string): string[] {
  const words = normalized.split(" ").filter((word) => word.length > 1);
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
