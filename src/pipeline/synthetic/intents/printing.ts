import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests } from "./urgency_sets.ts";

/** The printing intents: what each is and which urgencies it can carry. */
export const printingIntents = {
  "printing.offline": { topic: "printing", weight: 3, urgencies: all },
  "printing.add_printer": {
    topic: "printing",
    weight: 2,
    urgencies: ["low", "medium"],
    request: true,
  },
  "printing.scan": {
    topic: "printing",
    weight: 2,
    urgencies: requests,
    alsoUnder: { topic: "email", weight: 0.22 },
  },
  "printing.quality": { topic: "printing", weight: 1.5, urgencies: requests },
  "printing.badge_release": { topic: "printing", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
