import assert from "node:assert/strict";
import { detectLanguage, extractTerms, normalizeText, ticketText } from "./text_features.ts";
import { fitVocabulary, indexVocabulary, vectorize } from "./vocabulary.ts";

Deno.test("normalisation folds accents, case and punctuation", () => {
  assert.equal(
    normalizeText("Mot de passe EXPIRÉ !! (ça bloque)"),
    "mot de passe expire ca bloque",
  );
});

Deno.test("terms are words of two or more letters plus bigrams", () => {
  assert.deepEqual(extractTerms("vpn is a down"), ["vpn", "is", "down", "vpn is", "is down"]);
});

Deno.test("the language vote tells French from English", () => {
  assert.equal(
    detectLanguage(normalizeText("Bonjour, je ne peux plus me connecter depuis ce matin")),
    "fr",
  );
  assert.equal(detectLanguage(normalizeText("Hello, I cannot log in since this morning")), "en");
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
  const row = vectorize(vocabulary, indexVocabulary(vocabulary), ["down", "vpn", "unknown"]);
  assert.deepEqual(row, { indices: [1], weights: [1] });
  const wide = { ...vocabulary, maxTermsPerDoc: 8 };
  const both = vectorize(wide, indexVocabulary(wide), ["down", "vpn", "vpn"]);
  assert.deepEqual(both.indices, [0, 1]);
  assert.ok(Math.abs(Math.hypot(...both.weights) - 1) < 1e-12);
});
