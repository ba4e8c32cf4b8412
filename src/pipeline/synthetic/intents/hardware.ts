import type { IntentSpec } from "../ticket_intents.ts";
import { all, notLow, requests } from "./urgency_sets.ts";

/** The hardware intents: what each is and which urgencies it can carry. */
export const hardwareIntents = {
  "hardware.wont_boot": { topic: "hardware", weight: 2, urgencies: notLow },
  "hardware.peripheral": { topic: "hardware", weight: 3, urgencies: requests },
  "hardware.slow_computer": {
    topic: "hardware",
    weight: 1.5,
    urgencies: requests,
    alsoUnder: { topic: "software", weight: 0.22 },
  },
  "hardware.new_equipment": {
    topic: "hardware",
    weight: 2,
    urgencies: ["low", "medium"],
    request: true,
  },
  "hardware.battery": { topic: "hardware", weight: 1.5, urgencies: all },
  "hardware.laptop_refresh": { topic: "hardware", weight: 2.5, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
