import type { ModelCodec } from "../domain/model_codec.ts";
import type { ServingSpec } from "../domain/serving_spec.ts";
import { churnCodec } from "./churn/codec.ts";
import { churnServing } from "./churn/serving.ts";
import { ticketTriageCodec } from "./ticket_triage/codec.ts";
import { ticketTriageServing } from "./ticket_triage/serving.ts";

/**
 * A built-in model as a server sees it: how a request is encoded, and its HTTP face.
 * Training adds the rest (`training_catalog.ts`), kept apart so serving never loads tfjs.
 */
export interface CatalogEntry {
  // deno-lint-ignore no-explicit-any
  codec: ModelCodec<any, any>;
  serving: ServingSpec;
}

/**
 * Every built-in model by name; the platform iterates this and knows no model. No prototype:
 * a client's model name such as "constructor" or "toString" must not find Object's members.
 */
export const catalog: Record<string, CatalogEntry> = Object.assign(Object.create(null), {
  [ticketTriageCodec.name]: { codec: ticketTriageCodec, serving: ticketTriageServing },
  [churnCodec.name]: { codec: churnCodec, serving: churnServing },
});

/** The entry for `name`, or an error listing the known names. */
export function catalogEntry(name: string): CatalogEntry {
  const entry = catalog[name];
  if (!entry) {
    throw new Error(`Unknown model "${name}"; known: ${Object.keys(catalog).join(", ")}`);
  }
  return entry;
}
