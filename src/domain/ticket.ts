/**
 * The ticket vocabulary every layer shares: the triage model's classes, the channels a ticket
 * arrives through and the languages it is written in. The database schema, the model, the
 * knowledge base and the synthetic generator all read these lists.
 * @module
 */

/** Topic head classes, in the order of the model's outputs. */
export const topics = [
  "access",
  "hardware",
  "software",
  "network",
  "email",
  "printing",
  "security",
  "storage",
] as const;

/** Urgency head classes, in the order of the model's outputs. */
export const urgencies = ["low", "medium", "high", "critical"] as const;

/** Channels a ticket can arrive through. */
export const channels = ["email", "portal", "chat", "phone"] as const;

/** Languages tickets are written in (and the knowledge base answers in). */
export const languages = ["en", "fr"] as const;

/** Where a stored ticket came from. */
export const ticketSources = ["synthetic", "api"] as const;

export type Topic = (typeof topics)[number];
export type Urgency = (typeof urgencies)[number];
export type Channel = (typeof channels)[number];
export type Language = (typeof languages)[number];
