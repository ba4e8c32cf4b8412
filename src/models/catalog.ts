import type { ModelDefinition } from "../ml/model_definition.ts";
import type { ServingSpec } from "../serving/serving_spec.ts";
import { churn } from "./churn/model.ts";
import { churnServing } from "./churn/serving.ts";
import { ticketTriage } from "./ticket_triage/model.ts";
import { ticketTriageServing } from "./ticket_triage/serving.ts";

/** A built-in model: its definition, its HTTP face and the file of `data/` it trains on. */
export interface CatalogEntry {
  // deno-lint-ignore no-explicit-any
  definition: ModelDefinition<any, any, any>;
  serving: ServingSpec;
  dataFile: string;
}

/** Every built-in model by name; the platform iterates this and knows no model. */
export const catalog: Record<string, CatalogEntry> = {
  [ticketTriage.name]: {
    definition: ticketTriage,
    serving: ticketTriageServing,
    dataFile: "tickets.jsonl",
  },
  [churn.name]: {
    definition: churn,
    serving: churnServing,
    dataFile: "customers.jsonl",
  },
};

/** The entry for `name`, or an error listing the known names. */
export function catalogEntry(name: string): CatalogEntry {
  const entry = catalog[name];
  if (!entry) {
    throw new Error(`Unknown model "${name}"; known: ${Object.keys(catalog).join(", ")}`);
  }
  return entry;
}
