import type { ModelDefinition } from "../ml/model_definition.ts";
import { churn } from "./churn/model.ts";
import { ticketTriage } from "./ticket_triage/model.ts";

/** A built-in model and the file of `data/` it trains on. */
export interface CatalogEntry {
  // deno-lint-ignore no-explicit-any
  definition: ModelDefinition<any, any, any>;
  dataFile: string;
}

/** Every built-in model by name; the platform iterates this and knows no model. */
export const catalog: Record<string, CatalogEntry> = {
  [ticketTriage.name]: { definition: ticketTriage, dataFile: "tickets.jsonl" },
  [churn.name]: { definition: churn, dataFile: "customers.jsonl" },
};

/** The entry for `name`, or an error listing the known names. */
export function catalogEntry(name: string): CatalogEntry {
  const entry = catalog[name];
  if (!entry) {
    throw new Error(`Unknown model "${name}"; known: ${Object.keys(catalog).join(", ")}`);
  }
  return entry;
}
