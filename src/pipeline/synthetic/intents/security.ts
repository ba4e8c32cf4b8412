import type { IntentSpec } from "../ticket_intents.ts";
import { all, notLow, requests, severe } from "./urgency_sets.ts";

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
  /** Files encrypted and renamed, a ransom note. */
  "security.ransomware": { topic: "security", weight: 1, urgencies: severe },
  /** An e-mail, file or link sent to the wrong person (help desks also file it as e-mail). */
  "security.misdirected_data": {
    topic: "security",
    weight: 1.5,
    urgencies: notLow,
    alsoUnder: { topic: "email", weight: 0.22 },
  },
  /** Calls, texts and chat messages impersonating IT or a manager, baited USB keys, tailgaters. */
  "security.social_engineering": { topic: "security", weight: 1.5, urgencies: all },
  /** Certificate errors, "deceptive site" pages, SmartScreen. */
  "security.browser_warning": { topic: "security", weight: 1.5, urgencies: all },
  /** Web filter, DLP, device control or antivirus blocks something the user needs. */
  "security.blocked_by_policy": {
    topic: "security",
    weight: 1.5,
    urgencies: requests,
    request: true,
  },
  /** A user reports a flaw or an exposure they noticed (open link, password in a wiki). */
  "security.vulnerability_report": { topic: "security", weight: 1, urgencies: all },
  /** Security awareness e-learning and phishing simulation campaigns. */
  "security.awareness_training": {
    topic: "security",
    weight: 1,
    urgencies: ["low", "medium"],
    request: true,
  },
  /** Intune/Company Portal compliance, antivirus or firewall turned off, encryption pending. */
  "security.device_compliance": {
    topic: "security",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "access", weight: 0.22 },
  },
  /** Our domain, brand or an executive impersonated: lookalike domains, fake sites, spoofed senders. */
  "security.spoofing": { topic: "security", weight: 1, urgencies: notLow },
  /** Wiping and destroying old disks, phones and confidential paper; destruction certificates. */
  "security.secure_disposal": {
    topic: "security",
    weight: 1,
    urgencies: ["low", "medium"],
    request: true,
  },
  /** Encrypted e-mails, sensitivity labels and rights-protected documents that won't open. */
  "security.protected_content": {
    topic: "security",
    weight: 1,
    urgencies: all,
    alsoUnder: { topic: "email", weight: 0.22 },
  },
  "security.qr_phishing": { topic: "security", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
