/**
 * Text normalisation and tokenisation shared by training and serving (no skew): accents
 * folded so "expiré" and a typed "expire" meet, word unigrams and bigrams for both
 * languages, and a stop-word vote for the language.
 */

import { normalizeText } from "../../ml/text_normalization.ts";

/**
 * Function words (and a few everyday words) of one language that are rare in the other,
 * as `normalizeText` leaves them: elisions such as "l'écran" and "qu'il" become "l" and "qu".
 * Shared ones ("a", "on", "plus") are left out.
 */
const frenchMarkers = new Set(
  ("le la les l un une des du de au aux et ou est sont suis ai avons avez pas ne n je j nous " +
    "vous il elle ils qu que qui ce cette ces mon ma mes ton ta votre vos notre nos son sa ses " +
    "leur sur avec pour dans par sans chez mais aussi tres tout tous toutes rien jamais encore " +
    "toujours deja depuis quand comme ca cela peux peut pouvez bonjour merci cordialement hier " +
    "matin soir aujourd fonctionne marche impossible")
    .split(" "),
);
const englishMarkers = new Set(
  ("the an is are was were be been has have had do does don doesn didn isn won can cannot i me " +
    "my we our you your it its this that there what when will would could should not no of to " +
    "in at from with for and but or since after every all any please hello hi thanks regards " +
    "yesterday today morning working keeps still")
    .split(" "),
);

/** Letters French writes and English almost never does. */
const frenchLetters = /[àâçéèêëîïôùûüÿœ]/gi;

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

/**
 * "fr" when French evidence outweighs English, else "en": a vote of marker words, each
 * accented letter counting for French too (typed "Écran noir au démarrage" has no marker
 * word but three accents). `text` is the raw text; `normalized`, its `normalizeText` form
 * when the caller has it already.
 */
export function detectLanguage(text: string, normalized = normalizeText(text)): "en" | "fr" {
  let score = text.match(frenchLetters)?.length ?? 0;
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
