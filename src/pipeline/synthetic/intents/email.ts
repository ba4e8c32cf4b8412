import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests } from "./urgency_sets.ts";

/** The email intents: what each is and which urgencies it can carry. */
export const emailIntents = {
  "email.not_receiving": { topic: "email", weight: 3, urgencies: all },
  "email.mailbox_full": { topic: "email", weight: 2, urgencies: requests, request: true },
  "email.shared_mailbox": { topic: "email", weight: 2, urgencies: requests, request: true },
  "email.sync": { topic: "email", weight: 2, urgencies: all },
  "email.new_outlook": { topic: "email", weight: 2.5, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
