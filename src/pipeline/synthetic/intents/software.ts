import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests } from "./urgency_sets.ts";

/** The software intents: what each is and which urgencies it can carry. */
export const softwareIntents = {
  "software.install": { topic: "software", weight: 3, urgencies: requests, request: true },
  "software.crash": { topic: "software", weight: 3, urgencies: all },
  "software.license": { topic: "software", weight: 1.5, urgencies: requests, request: true },
  "software.update_failed": { topic: "software", weight: 1.5, urgencies: all },
  "software.copilot": { topic: "software", weight: 4, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
