import type { IntentSpec } from "../ticket_intents.ts";
import { all, notLow, requests } from "./urgency_sets.ts";

/** The access intents: what each is and which urgencies it can carry. */
export const accessIntents = {
  "access.password_reset": { topic: "access", weight: 3, urgencies: requests },
  "access.account_locked": { topic: "access", weight: 2.5, urgencies: notLow },
  "access.mfa": { topic: "access", weight: 2, urgencies: all },
  "access.permissions": {
    topic: "access",
    weight: 2.5,
    urgencies: requests,
    request: true,
    alsoUnder: { topic: "storage", weight: 0.22 },
  },
  "access.outlook_password": {
    topic: "access",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "email", weight: 0.22 },
  },
  "access.okta_migration": { topic: "access", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
