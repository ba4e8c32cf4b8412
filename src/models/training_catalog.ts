import type { ModelDefinition } from "../domain/model_definition.ts";
import { catalogEntry } from "./catalog.ts";
import { churn } from "./churn/model.ts";
import { ticketTriage } from "./ticket_triage/model.ts";

/** A built-in model as the pipeline sees it: its full definition and the file it trains on. */
export interface TrainingEntry {
  // deno-lint-ignore no-explicit-any
  definition: ModelDefinition<any, any, any>;
  dataFile: string;
}

const trainingCatalog: Record<string, TrainingEntry> = {
  [ticketTriage.name]: { definition: ticketTriage, dataFile: "tickets.jsonl" },
  [churn.name]: { definition: churn, dataFile: "customers.jsonl" },
};

/** The training entry for `name` (an error listing the known names for an unknown one). */
export function trainingEntry(name: string): TrainingEntry {
  catalogEntry(name);
  return trainingCatalog[name];
}
