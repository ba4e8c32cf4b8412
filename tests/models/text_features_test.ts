import assert from "node:assert/strict";
import {
  detectLanguage,
  extractTerms,
  termWords,
  ticketText,
} from "../../src/models/ticket_triage/text_features.ts";
import { generateTickets } from "../../src/pipeline/synthetic/ticket_generator.ts";
import { createRandom } from "../../src/ml/random.ts";
import { normalizeText } from "../../src/ml/text_normalization.ts";
import {
  fitVocabulary,
  indexVocabulary,
  termColumns,
  vectorize,
} from "../../src/models/ticket_triage/vocabulary.ts";

Deno.test("normalisation folds accents, case and punctuation", () => {
  assert.equal(
    normalizeText("Mot de passe EXPIRÉ !! (ça bloque)"),
    "mot de passe expire ca bloque",
  );
});

Deno.test("terms are words of two or more letters plus bigrams", () => {
  assert.deepEqual(extractTerms("vpn is a down"), ["vpn", "is", "down", "vpn is", "is down"]);
});

Deno.test("the language vote tells French from English, terse tickets included", () => {
  const tickets: [string, "en" | "fr"][] = [
    ["Bonjour, je ne peux plus me connecter depuis ce matin", "fr"],
    ["Hello, I cannot log in since this morning", "en"],
    ["Imprimante bloquée. L imprimante du 3e étage affiche un bourrage papier, urgent", "fr"],
    ["Imprimante HS au 2e, bourrage papier", "fr"],
    ["Mot de passe expire", "fr"],
    ["Écran noir au démarrage", "fr"],
    ["VPN coupé toutes les heures", "fr"],
    ["Outlook ne synchronise plus", "fr"],
    ["AutoCAD plante au démarrage. AutoCAD se fige puis se ferme sans aucun message.", "fr"],
    ["Impossible d'imprimer", "fr"],
    ["Accès refusé au partage", "fr"],
    ["VPN drops every hour", "en"],
    ["Printer jammed on 3rd floor", "en"],
    ["Password expired, locked out", "en"],
    ["Laptop screen flickering", "en"],
    ["Outlook not syncing since yesterday", "en"],
    ["Café wifi portal not loading", "en"],
    ["Access denied to the share", "en"],
    ["Meeting room screen in Genève keeps going black", "en"],
  ];
  for (const [text, language] of tickets) assert.equal(detectLanguage(text), language, text);
});

Deno.test("the channel becomes a pseudo-word", () => {
  assert.equal(ticketText({ subject: "Hi", body: "VPN", channel: "phone" }), "hi vpn channelphone");
});

Deno.test("TF-IDF rows are L2-normalised, drop unknown terms and cap their width", () => {
  const documents = [["vpn", "down"], ["vpn", "slow"], ["printer", "down"], ["vpn"]];
  const vocabulary = fitVocabulary(documents, { minDf: 2, maxFeatures: 10, maxTermsPerDoc: 1 });
  assert.deepEqual(vocabulary.terms, ["vpn", "down"]);
  // scikit-learn's smooth idf: ln((1 + n) / (1 + df)) + 1
  assert.equal(vocabulary.idf[0], Math.log(5 / 4) + 1);
  const row = vectorize(vocabulary, termColumns(indexVocabulary(vocabulary), ["down", "vpn", "x"]));
  assert.deepEqual(row, { indices: [1], weights: [1] });
  const wide = { ...vocabulary, maxTermsPerDoc: 8 };
  const both = vectorize(wide, termColumns(indexVocabulary(wide), ["down", "vpn", "vpn"]));
  assert.deepEqual(both.indices, [0, 1]);
  assert.ok(Math.abs(Math.hypot(...both.weights) - 1) < 1e-12);
});

Deno.test("plain ASCII text normalises exactly as the full Unicode folding does", () => {
  const unicodeFolding = (text: string) =>
    text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const random = createRandom(5);
  for (let i = 0; i < 2000; i++) {
    const text = String.fromCharCode(
      ...Array.from({ length: random.int(1, 40) }, () => random.int(0, 127)),
    );
    assert.equal(normalizeText(text), unicodeFolding(text), JSON.stringify(text));
  }
});

Deno.test("term columns found by word ids are exactly the columns of the term strings", () => {
  const texts = generateTickets({ count: 600, seed: 9 }).map(ticketText);
  const vocabulary = fitVocabulary(texts.slice(0, 300).map(extractTerms), {
    minDf: 2,
    maxFeatures: 400,
    maxTermsPerDoc: 96,
  });
  const index = indexVocabulary(vocabulary);
  const byString = new Map(vocabulary.terms.map((term, column) => [term, column]));
  for (const text of texts) {
    const expected = extractTerms(text).flatMap((term) => byString.get(term) ?? []);
    const actual = termColumns(index, termWords(text));
    assert.deepEqual(actual.toSorted((a, b) => a - b), expected.toSorted((a, b) => a - b));
  }
});
