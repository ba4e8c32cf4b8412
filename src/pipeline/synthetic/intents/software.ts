import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests } from "./urgency_sets.ts";

/** The software intents: what each is and which urgencies it can carry. */
export const softwareIntents = {
  "software.install": { topic: "software", weight: 3, urgencies: requests, request: true },
  "software.crash": { topic: "software", weight: 3, urgencies: all },
  "software.license": { topic: "software", weight: 1.5, urgencies: requests, request: true },
  "software.update_failed": { topic: "software", weight: 1.5, urgencies: all },
  // Web browsers: pages that don't render, certificate warnings, legacy sites, extensions.
  "software.browser": { topic: "software", weight: 2, urgencies: all },
  // Office and Teams desktop apps that error out or misbehave (not their network side).
  "software.office_apps": { topic: "software", weight: 2.5, urgencies: all },
  // Line-of-business applications (ERP, CRM, HR, ticketing) failing on a transaction or screen.
  "software.business_app": { topic: "software", weight: 2.5, urgencies: all },
  "software.macro_addin": { topic: "software", weight: 1.5, urgencies: all },
  // A file that will not open, opens in the wrong program or shows as corrupt.
  "software.file_open": { topic: "software", weight: 1.5, urgencies: all },
  // A button, menu or option gone or greyed out after an update.
  "software.missing_feature": { topic: "software", weight: 1, urgencies: requests },
  // Windows shell itself: Start menu, taskbar, search, File Explorer, desktop icons.
  "software.windows_shell": { topic: "software", weight: 2, urgencies: all },
  // Legacy programs that no longer run on the current Windows, Java or Office (32/64-bit).
  "software.compatibility": { topic: "software", weight: 1.5, urgencies: all },
  "software.uninstall": { topic: "software", weight: 1, urgencies: requests, request: true },
  // Display language, keyboard layout, date and decimal formats, time zone, spell-check language.
  "software.regional_settings": { topic: "software", weight: 1, urgencies: requests },
  // Citrix, Azure Virtual Desktop and RemoteApp sessions that won't launch or misbehave.
  "software.virtual_apps": {
    topic: "software",
    weight: 2,
    urgencies: all,
    alsoUnder: { topic: "network", weight: 0.22 },
  },
  "software.copilot": { topic: "software", weight: 4, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
