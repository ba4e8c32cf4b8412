import type { ModelDefinition } from "../domain/model_definition.ts";
import { catalogEntry } from "./catalog.ts";
import { churn } from "./churn/model.ts";
import { ticketTriage } from "./ticket_triage/model.ts";

/**
 * An independent evaluation set kept in git (`source`, under the project root): the snapshot
 * copies it into `data/<file>` so DVC versions it beside the training data; training scores
 * every new version on it and never fits on it.
 */
export interface HoldoutSet {
  name: string;
  source: string;
  file: string;
}

/** A built-in model as the pipeline sees it: its full definition and the file it trains on. */
export interface TrainingEntry {
  // deno-lint-ignore no-explicit-any
  definition: ModelDefinition<any, any, any>;
  dataFile: string;
  /** The user's own labelled rows (`deno task ingest`), trained on with `--source own|mixed`. */
  ownDataFile?: string;
  /**
   * Rows made of production feedback (`/v1/feedback`, exported by the snapshot): trained on
   * whatever the source, and a feedback row replaces any other row with the same input.
   */
  feedbackDataFile?: string;
  holdout?: HoldoutSet;
}

const trainingCatalog: Record<string, TrainingEntry> = {
  [ticketTriage.name]: {
    definition: ticketTriage,
    dataFile: "tickets.jsonl",
    ownDataFile: "own_tickets.jsonl",
    feedbackDataFile: "feedback_tickets.jsonl",
    holdout: {
      name: "handwritten",
      source: "eval/handwritten_tickets.jsonl",
      file: "handwritten_tickets.jsonl",
    },
  },
  [churn.name]: { definition: churn, dataFile: "customers.jsonl" },
};

/** Every model's holdout set. */
export const holdoutSets: readonly HoldoutSet[] = Object.values(trainingCatalog)
  .flatMap((entry) => entry.holdout ? [entry.holdout] : []);

/** The training entry for `name` (an error listing the known names for an unknown one). */
export function trainingEntry(name: string): TrainingEntry {
  catalogEntry(name);
  return trainingCatalog[name];
}
