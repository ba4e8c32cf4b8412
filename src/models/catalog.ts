import type { ModelCodec } from "../domain/model_codec.ts";
import type { MonitoringSpec } from "../domain/monitoring_spec.ts";
import type { ServingSpec } from "../domain/serving_spec.ts";
import { churnCodec } from "./churn/codec.ts";
import { churnMonitoring } from "./churn/monitoring.ts";
import { churnServing } from "./churn/serving.ts";
import { ticketTriageCodec } from "./ticket_triage/codec.ts";
import { ticketTriageMonitoring } from "./ticket_triage/monitoring.ts";
import { ticketTriageServing } from "./ticket_triage/serving.ts";

/**
 * A built-in model as a server sees it: how a request is encoded, and its HTTP face.
 * Training adds the rest (`training_catalog.ts`), kept apart so serving never loads tfjs.
 */
export interface CatalogEntry {
  // deno-lint-ignore no-explicit-any
  codec: ModelCodec<any, any>;
  serving: ServingSpec;
  /** The columns drift reports compare, at training and on logged predictions alike. */
  // deno-lint-ignore no-explicit-any
  monitoring: MonitoringSpec<any, any>;
}

/**
 * Every built-in model by name; the platform iterates this and knows no model. No prototype:
 * a client's model name such as "constructor" or "toString" must not find Object's members.
 */
export const catalog: Record<string, CatalogEntry> = Object.assign(Object.create(null), {
  [ticketTriageCodec.name]: {
    codec: ticketTriageCodec,
    serving: ticketTriageServing,
    monitoring: ticketTriageMonitoring,
  },
  [churnCodec.name]: {
    codec: churnCodec,
    serving: churnServing,
    monitoring: churnMonitoring,
  },
});

/** The entry for `name`, or an error listing the known names. */
export function catalogEntry(name: string): CatalogEntry {
  const entry = catalog[name];
  if (!entry) {
    throw new Error(`Unknown model "${name}"; known: ${Object.keys(catalog).join(", ")}`);
  }
  return entry;
}
