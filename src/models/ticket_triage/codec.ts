import { z } from "zod";
import type { ModelCodec } from "../../domain/model_codec.ts";
import { type TicketInput } from "./schema.ts";
import { topics, urgencies } from "../../domain/ticket.ts";
import { termWords, ticketText } from "./text_features.ts";
import {
  indexVocabulary,
  termColumns,
  vectorize,
  type Vocabulary,
  type VocabularyIndex,
} from "./vocabulary.ts";

/** The fitted preprocessing: the vocabulary, plus its lookup tables (rebuilt on load). */
export interface TicketPreprocessing {
  kind: "tfidf-word-1-2grams";
  vocabulary: Vocabulary;
  lookup: VocabularyIndex;
}

const SavedPreprocessing = z.object({
  kind: z.literal("tfidf-word-1-2grams"),
  vocabulary: z.object({
    terms: z.array(z.string()),
    idf: z.array(z.number()),
    maxTermsPerDoc: z.number().int().positive(),
  }).refine((v) => v.terms.length === v.idf.length, "terms and idf differ in length"),
});

/** How ticket-triage scores a ticket: TF-IDF word 1-2grams, two softmax heads. */
export const ticketTriageCodec: ModelCodec<TicketInput, TicketPreprocessing> = {
  name: "ticket-triage",
  heads: [{ name: "topic", classes: topics }, { name: "urgency", classes: urgencies }],
  loadPreprocessing: (json) => {
    const { kind, vocabulary } = SavedPreprocessing.parse(json);
    return { kind, vocabulary, lookup: indexVocabulary(vocabulary) };
  },
  encode: (preprocessing, inputs) => {
    const width = preprocessing.vocabulary.maxTermsPerDoc;
    const indices = new Int32Array(inputs.length * width);
    const weights = new Float32Array(inputs.length * width);
    inputs.forEach((input, row) => {
      const words = termWords(ticketText(input));
      const sparse = vectorize(preprocessing.vocabulary, termColumns(preprocessing.lookup, words));
      indices.set(sparse.indices, row * width);
      weights.set(sparse.weights, row * width);
    });
    return {
      rows: inputs.length,
      inputs: [{ values: indices, width }, { values: weights, width }],
    };
  },
};
