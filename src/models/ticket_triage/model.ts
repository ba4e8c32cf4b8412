import type { DatasetSpec } from "../../domain/dataset_spec.ts";
import type { Hyperparameters, ModelDefinition } from "../../domain/model_definition.ts";
import { buildTicketNetwork } from "./network.ts";
import { type TicketPreprocessing, ticketTriageCodec } from "./codec.ts";
import { type TicketInput } from "./schema.ts";
import { channels, topics, urgencies } from "../../domain/ticket.ts";
import { extractTerms, ticketText } from "./text_features.ts";
import { fitVocabulary, indexVocabulary } from "./vocabulary.ts";

/** One labelled ticket as exported to `data/tickets.jsonl`. */
export interface TicketRow {
  id: string;
  subject: string;
  body: string;
  channel: (typeof channels)[number];
  language: "en" | "fr";
  topic: string;
  urgency: string;
  created_at: string;
}

const datasetSpec: DatasetSpec = {
  name: "tickets",
  idColumn: "id",
  columns: [
    { name: "subject", kind: "text", required: true },
    { name: "body", kind: "text", required: true },
    { name: "channel", kind: "category", categories: channels, required: true },
    { name: "language", kind: "category", categories: ["en", "fr"] },
    { name: "topic", kind: "category", categories: topics, required: true },
    { name: "urgency", kind: "category", categories: urgencies, required: true },
  ],
  labels: [{ column: "topic", minPerClass: 20 }, { column: "urgency", minPerClass: 20 }],
};

const common = { l2: 0, batchSize: 128, maxEpochs: 12 };

/** The ticket-triage model: its codec, the bag-of-n-grams network and what training needs. */
export const ticketTriage: ModelDefinition<TicketRow, TicketInput, TicketPreprocessing> = {
  ...ticketTriageCodec,
  datasetSpec,
  searchSpace: [
    { ...common, hidden: 0, learningRate: 0.01, dropout: 0, batchSize: 512 },
    { ...common, hidden: 32, learningRate: 0.005, dropout: 0.2, batchSize: 256 },
  ],
  reference: { ...common, hidden: 0, learningRate: 0.01, dropout: 0, batchSize: 512 },
  labels: (row) => [row.topic, row.urgency],
  inputOf: ({ subject, body, channel }) => ({ subject, body, channel }),
  fitPreprocessing: (rows) => {
    const documents = rows.map((row) => extractTerms(ticketText(row)));
    const vocabulary = fitVocabulary(documents, {
      minDf: 2,
      maxFeatures: 20_000,
      maxTermsPerDoc: 96,
    });
    return { kind: "tfidf-word-1-2grams", vocabulary, lookup: indexVocabulary(vocabulary) };
  },
  savePreprocessing: ({ kind, vocabulary }) => ({ kind, vocabulary }),
  build: (preprocessing, params: Hyperparameters, seed) =>
    buildTicketNetwork(
      ticketTriage.heads,
      preprocessing.vocabulary.terms.length,
      preprocessing.vocabulary.maxTermsPerDoc,
      params,
      seed,
    ),
};
