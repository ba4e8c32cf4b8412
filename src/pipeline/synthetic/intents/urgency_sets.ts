import type { Urgency } from "../../../domain/ticket.ts";

/** Urgency ranges intents share. */
export const all: readonly Urgency[] = ["low", "medium", "high", "critical"];
export const notLow: readonly Urgency[] = ["medium", "high", "critical"];
export const requests: readonly Urgency[] = ["low", "medium", "high"];
export const severe: readonly Urgency[] = ["high", "critical"];
