/**
 * The one text folding of the product: the ticket model's features and the knowledge base's
 * search terms both start from it, so "expiré" typed as "expire" meets its article and its
 * training examples alike.
 * @module
 */

const nonAscii = /[\u0080-\uffff]/;

/** Lower-cased, accent-free words separated by single spaces. */
export function normalizeText(text: string): string {
  // Plain ASCII (most English tickets) has nothing to fold: skip the Unicode passes.
  if (!nonAscii.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
