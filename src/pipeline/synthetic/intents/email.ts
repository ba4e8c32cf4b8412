import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests } from "./urgency_sets.ts";

/** The email intents: what each is and which urgencies it can carry. */
export const emailIntents = {
  "email.not_receiving": { topic: "email", weight: 3, urgencies: all },
  "email.mailbox_full": { topic: "email", weight: 2, urgencies: requests, request: true },
  "email.shared_mailbox": { topic: "email", weight: 2, urgencies: requests, request: true },
  "email.sync": { topic: "email", weight: 2, urgencies: all },
  "email.calendar": { topic: "email", weight: 2.5, urgencies: all },
  "email.out_of_office": { topic: "email", weight: 1.5, urgencies: requests, request: true },
  "email.delegate": {
    topic: "email",
    weight: 1.5,
    urgencies: requests,
    request: true,
    alsoUnder: { topic: "access", weight: 0.22 },
  },
  "email.junk_filter": {
    topic: "email",
    weight: 2,
    urgencies: all,
    alsoUnder: { topic: "security", weight: 0.22 },
  },
  "email.attachments": { topic: "email", weight: 2, urgencies: all },
  "email.signature": { topic: "email", weight: 1, urgencies: ["low", "medium"], request: true },
  "email.rules_forwarding": { topic: "email", weight: 1.5, urgencies: requests },
  "email.search": { topic: "email", weight: 2, urgencies: requests },
  "email.autocomplete": { topic: "email", weight: 1.5, urgencies: requests },
  "email.encryption": {
    topic: "email",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "security", weight: 0.22 },
  },
  "email.address_change": { topic: "email", weight: 1, urgencies: requests, request: true },
  "email.new_outlook": { topic: "email", weight: 2.5, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
