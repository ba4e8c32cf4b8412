import assert from "node:assert/strict";
import { charGramRow, charGrams, fitCharGramVocabulary, indexCharGrams } from "./char_grams.ts";
import { fitVocabulary, vectorize } from "./vocabulary.ts";
import { ticketTriageCodec } from "./codec.ts";
import { termWords, ticketText } from "./text_features.ts";

Deno.test("character n-grams are 3 and 4 letters inside padded words", () => {
  assert.deepEqual(charGrams(["vpn"]), ["_vp", "vpn", "pn_", "_vpn", "vpn_"]);
  assert.deepEqual(charGrams(["ab"]), ["_ab", "ab_", "_ab_"]);
});

Deno.test("accents and case fold before the n-grams: a typed 'IMPRIMANTE' meets 'imprimante'", () => {
  const words = (text: string) => termWords(ticketText({ subject: text, body: "" }));
  assert.deepEqual(charGrams(words("IMPRIMANTE bloquée")), charGrams(words("imprimante bloquee")));
});

Deno.test("the character vocabulary counted by integer equals the one counted by string", () => {
  const documents = [
    "printer jammed again printer",
    "imprimante bloquée straße œuvre",
    "error 0x80070005 on win11 x64",
    "Mot de passe expiré depuis hier",
    "password expired password expired",
    `a ${"supercalifragilistic".repeat(4)} word`,
    "vpn down vpn down",
  ].map((text) => termWords(ticketText({ subject: text, body: "" })));
  for (const minDf of [1, 2]) {
    const options = { minDf, maxFeatures: 60, maxTermsPerDoc: 32 };
    assert.deepEqual(
      fitCharGramVocabulary(documents, options),
      fitVocabulary(documents.map(charGrams), options),
    );
  }
});

Deno.test("a character row equals plain TF-IDF of the n-grams, capped to the heaviest terms", () => {
  // Capped rows keep equally heavy terms in reading order, plain TF-IDF by column: the
  // weights kept are the same, the columns among ties may differ.
  const documents = [
    ["printer", "jammed"],
    ["printers", "offline"],
    ["imprimante", "bloquée"],
    ["pasword", "expired"],
    ["password", "expiré"],
    ["printer", "offline", "printer"],
    // More distinct pieces than the scratch arrays start with.
    Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}z${((i * 7919) % 1297).toString(36)}`),
  ];
  for (const maxTermsPerDoc of [5000, 7]) {
    const vocabulary = fitVocabulary(documents.map(charGrams), {
      minDf: 1,
      maxFeatures: 10_000,
      maxTermsPerDoc,
    });
    const index = indexCharGrams(vocabulary, 0);
    for (const words of [...documents, ["unseen", "printr"]]) {
      const columns = charGrams(words).flatMap((gram) => {
        const column = vocabulary.terms.indexOf(gram);
        return column >= 0 ? [column] : [];
      });
      const expected = vectorize(vocabulary, columns);
      const into = { indices: new Int32Array(3 + 10_000), weights: new Float64Array(3 + 10_000) };
      const written = charGramRow(index, vocabulary, words, into, 3);
      const row = {
        indices: into.indices.subarray(3, 3 + written),
        weights: into.weights.subarray(3, 3 + written),
      };
      const rounded = (weights: ArrayLike<number>) =>
        Array.from(weights, (w) => Math.round(w * 1e9));
      if (maxTermsPerDoc === 5000) {
        const asMap = (r: { indices: ArrayLike<number>; weights: ArrayLike<number> }) =>
          new Map(Array.from(r.indices, (column, i) => [column, rounded(r.weights)[i]]));
        assert.deepEqual(asMap(row), asMap(expected), words.join(" "));
      } else {
        const sorted = (weights: ArrayLike<number>) => rounded(weights).sort((a, b) => a - b);
        assert.deepEqual(sorted(row.weights), sorted(expected.weights), words.join(" "));
      }
    }
  }
});

Deno.test("a version saved before character n-grams still loads and encodes (rollback)", () => {
  const preprocessing = ticketTriageCodec.loadPreprocessing({
    kind: "tfidf-word-1-2grams",
    vocabulary: { terms: ["vpn", "down", "vpn down"], idf: [1, 1.5, 2], maxTermsPerDoc: 4 },
  });
  assert.equal(preprocessing.characters, undefined);
  const encoded = ticketTriageCodec.encode(preprocessing, [{ subject: "VPN down", body: "x" }]);
  assert.equal(encoded.inputs[0].width, 4);
  assert.deepEqual([...encoded.inputs[0].values].slice(0, 3), [0, 1, 2]);
});
