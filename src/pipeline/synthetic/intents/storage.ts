import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests } from "./urgency_sets.ts";

/** The storage intents: what each is and which urgencies it can carry. */
export const storageIntents = {
  "storage.disk_full": { topic: "storage", weight: 2, urgencies: requests },
  "storage.drive_access": { topic: "storage", weight: 3, urgencies: all },
  "storage.restore": { topic: "storage", weight: 2.5, urgencies: all },
  "storage.onedrive_sync": {
    topic: "storage",
    weight: 2,
    urgencies: all,
    alsoUnder: { topic: "software", weight: 0.22 },
  },
  "storage.quota": { topic: "storage", weight: 1.5, urgencies: requests, request: true },
  "storage.file_locked": { topic: "storage", weight: 2, urgencies: all },
  "storage.teams_files": { topic: "storage", weight: 2.5, urgencies: all },
  "storage.usb_drive": {
    topic: "storage",
    weight: 1.5,
    urgencies: requests,
    alsoUnder: { topic: "hardware", weight: 0.22 },
  },
  "storage.backup": { topic: "storage", weight: 1.5, urgencies: all },
  "storage.new_share": { topic: "storage", weight: 1.5, urgencies: requests, request: true },
  "storage.external_sharing": {
    topic: "storage",
    weight: 1.5,
    urgencies: requests,
    request: true,
    alsoUnder: { topic: "access", weight: 0.22 },
  },
  "storage.offline_files": { topic: "storage", weight: 1.5, urgencies: all },
  "storage.leaver_data": {
    topic: "storage",
    weight: 1.5,
    urgencies: requests,
    request: true,
    alsoUnder: { topic: "access", weight: 0.22 },
  },
  "storage.disposal": {
    topic: "storage",
    weight: 1,
    urgencies: ["low", "medium"],
    request: true,
    alsoUnder: { topic: "security", weight: 0.22 },
  },
  "storage.pc_data_transfer": { topic: "storage", weight: 1.5, urgencies: requests, request: true },
  "storage.large_copy": { topic: "storage", weight: 1.5, urgencies: requests },
  "storage.sharepoint_migration": { topic: "storage", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
