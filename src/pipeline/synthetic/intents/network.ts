import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests, severe } from "./urgency_sets.ts";

/** The network intents: what each is and which urgencies it can carry. */
export const networkIntents = {
  "network.vpn": { topic: "network", weight: 3, urgencies: all },
  "network.wifi": { topic: "network", weight: 2.5, urgencies: all },
  "network.vpn_login": {
    topic: "network",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "access", weight: 0.22 },
  },
  "network.slow": { topic: "network", weight: 2, urgencies: requests },
  "network.outage": { topic: "network", weight: 1.5, urgencies: severe },
  "network.meeting_calls": { topic: "network", weight: 3.5, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
