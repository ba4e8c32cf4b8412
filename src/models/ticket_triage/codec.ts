import { z } from "zod";
import type { ModelCodec } from "../../domain/model_codec.ts";
import { type TicketInput } from "./schema.ts";
import { topics, urgencies } from "../../domain/ticket.ts";
import { termWords, ticketText } from "./text_features.ts";
import { type CharGramIndex, charGramRow, indexCharGrams } from "./char_grams.ts";
import {
  indexVocabulary,
  termColumns,
  vectorize,
  type Vocabulary,
  type VocabularyIndex,
} from "./vocabulary.ts";

/** Word 1-2grams, then (from newer versions on) character 3-4grams in a block of their own. */
export type TicketPreprocessingKind = "tfidf-word-1-2grams" | "tfidf-word-1-2grams-char-3-4grams";

/** The fitted preprocessing: the vocabularies, plus their lookup tables (rebuilt on load). */
export interface TicketPreprocessing {
  kind: TicketPreprocessingKind;
  vocabulary: Vocabulary;
  lookup: VocabularyIndex;
  /** Character n-grams; their columns follow the word terms'. Absent in older versions. */
  characters?: Vocabulary;
  characterLookup?: CharGramIndex;
}

const SavedVocabulary = z.object({
  terms: z.array(z.string()),
  idf: z.array(z.number()),
  maxTermsPerDoc: z.number().int().positive(),
}).refine((v) => v.terms.length === v.idf.length, "terms and idf differ in length");

const SavedPreprocessing = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tfidf-word-1-2grams"), vocabulary: SavedVocabulary }),
  z.object({
    kind: z.literal("tfidf-word-1-2grams-char-3-4grams"),
    vocabulary: SavedVocabulary,
    characters: SavedVocabulary,
  }),
]);

/** The lookup tables of saved vocabularies (character columns offset past the words'). */
export function indexPreprocessing(
  kind: TicketPreprocessingKind,
  vocabulary: Vocabulary,
  characters?: Vocabulary,
): TicketPreprocessing {
  const offset = vocabulary.terms.length;
  return {
    kind,
    vocabulary,
    lookup: indexVocabulary(vocabulary),
    ...(characters && {
      characters,
      characterLookup: indexCharGrams(characters, offset),
    }),
  };
}

/** Columns of the network's input: word terms, then character n-grams. */
export function inputColumns(preprocessing: TicketPreprocessing): number {
  return preprocessing.vocabulary.terms.length + (preprocessing.characters?.terms.length ?? 0);
}

/** Terms kept per ticket: the network's input width. */
export function inputWidth(preprocessing: TicketPreprocessing): number {
  return preprocessing.vocabulary.maxTermsPerDoc +
    (preprocessing.characters?.maxTermsPerDoc ?? 0);
}

/**
 * How ticket-triage scores a ticket: TF-IDF word 1-2grams and character 3-4grams, each block
 * L2-normalised on its own (scikit-learn's FeatureUnion of two vectorizers), two softmax heads.
 */
export const ticketTriageCodec: ModelCodec<TicketInput, TicketPreprocessing> = {
  name: "ticket-triage",
  heads: [{ name: "topic", classes: topics }, { name: "urgency", classes: urgencies }],
  loadPreprocessing: (json) => {
    const saved = SavedPreprocessing.parse(json);
    return indexPreprocessing(
      saved.kind,
      saved.vocabulary,
      "characters" in saved ? saved.characters : undefined,
    );
  },
  encode: (preprocessing, inputs) => {
    const { vocabulary, characters, characterLookup } = preprocessing;
    const width = inputWidth(preprocessing);
    const indices = new Int32Array(inputs.length * width);
    const weights = new Float32Array(inputs.length * width);
    inputs.forEach((input, row) => {
      const words = termWords(ticketText(input));
      const sparse = vectorize(vocabulary, termColumns(preprocessing.lookup, words));
      indices.set(sparse.indices, row * width);
      weights.set(sparse.weights, row * width);
      if (characters && characterLookup) {
        const at = row * width + vocabulary.maxTermsPerDoc;
        charGramRow(characterLookup, characters, words, { indices, weights }, at);
      }
    });
    return {
      rows: inputs.length,
      inputs: [{ values: indices, width }, { values: weights, width }],
    };
  },
};
