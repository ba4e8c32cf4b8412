/**
 * Search terms for the knowledge base, the same for articles and tickets in both languages:
 * accent-folded words ({@link normalizeText}), English and French stop words removed, and a
 * light suffix stemmer so "disconnecting"/"disconnected" and "oublié"/"oublier" meet.
 */
import { normalizeText } from "../ml/text_normalization.ts";

// Function words of both languages, accent-folded; one set, because tickets mix them
// ("le VPN keeps dropping") and an English article may answer a French ticket.
const stopWords = new Set(
  (
    // English
    "a an the and or but if of to in on at by for with from as into about over under " +
    "is are was were be been being am do does did doing have has had having " +
    "it its this that these those there here i me my mine we us our you your he him his " +
    "she her they them their what which who whom when where why how all any some each " +
    "not no nor can cannot could would should will shall may might must just so than then " +
    "too very also only still again up out off please hi hello hey thanks thank regards " +
    "dear since get got getting anymore work works working worked" +
    " " +
    // French
    "le la les un une des du de et ou mais donc ni car au aux en dans par pour sur sous " +
    "avec sans chez ce cet cette ces ca cela ceci il elle ils elles on je me moi mon ma " +
    "mes tu te toi ton ta tes nous notre nos vous votre vos leur leurs se sa son ses lui " +
    "qui que qu quoi dont ne pas plus est sont suis es etes etre ai avons avez ont avoir " +
    "eu fait faire y bonjour merci cordialement depuis tres bien tout tous toute toutes " +
    "encore deja aussi comme si quand alors puis peu peux peut pouvez pouvons marche " +
    "marchent fonctionne fonctionnent fonctionner"
  ).split(" ").filter(Boolean),
);

// Longest first; each word loses at most one suffix and keeps a stem of 3+ letters.
const suffixes = [
  "issements",
  "issement",
  "ations",
  "ements",
  "ation",
  "ement",
  "ments",
  "ment",
  "euses",
  "ings",
  "euse",
  "eurs",
  "ing",
  "ies",
  "ees",
  "ers",
  "eur",
  "ee",
  "er",
  "es",
  "ez",
  "ed",
  "ly",
  "s",
  "e",
];

/** One word reduced to its stem ("printers" -> "print", "imprimantes" -> "imprimant"). */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  for (const suffix of suffixes) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    if (suffix === "s" && /(ss|us|is)$/.test(word)) return word;
    if (suffix === "ies") return `${word.slice(0, -3)}y`;
    return word.slice(0, -suffix.length);
  }
  return word;
}

// Words that normalisation splits at a hyphen but people also type joined.
const compounds = /\b(e|wi|log|sign) (mail|mails|fi|in|on|out)\b/g;

const stems = new Map<string, string>();

/** The search terms of a text: folded, stop words out, stemmed; order and repeats kept. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  const words = normalizeText(text).replace(compounds, joinCompound).split(" ");
  for (const word of words) {
    if (word.length < 2 || stopWords.has(word)) continue;
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word);
      if (stems.size < 50_000) stems.set(word, stemmed);
    }
    terms.push(stemmed);
  }
  return terms;
}

function joinCompound(match: string, head: string, tail: string): string {
  const joined = `${head}${tail}`;
  return ["email", "emails", "wifi", "login", "logon", "signin", "signon", "logout", "signout"]
      .includes(joined)
    ? joined
    : match;
}
