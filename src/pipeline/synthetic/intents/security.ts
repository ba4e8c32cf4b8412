import type { IntentSpec } from "../ticket_intents.ts";
import { all, notLow } from "./urgency_sets.ts";

/** The security intents: what each is and which urgencies it can carry. */
export const securityIntents = {
  "security.phishing": {
    topic: "security",
    weight: 3,
    urgencies: all,
    alsoUnder: { topic: "email", weight: 0.22 },
  },
  "security.malware": { topic: "security", weight: 2, urgencies: notLow },
  "security.lost_device": { topic: "security", weight: 1.5, urgencies: notLow },
  "security.compromised": { topic: "security", weight: 2, urgencies: notLow },
  "security.policy_question": {
    topic: "security",
    weight: 1.5,
    urgencies: ["low", "medium"],
    request: true,
  },
  "security.qr_phishing": { topic: "security", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
