import type { Topic, Urgency } from "../../domain/ticket.ts";
import type { Deadline, Scope, Severity } from "./ticket_impact.ts";

/** What one intent looks like in one language; `{slot}` placeholders are filled at random. */
export interface IntentPhrases {
  /** Subject lines. */
  readonly subjects: readonly string[];
  /** The sentence that states the problem. */
  readonly problems: readonly string[];
  /** Extra sentences (symptoms, context, what was tried); zero or more are used. */
  readonly details: readonly string[];
}

/** Language-independent facts about an intent. */
export interface IntentSpec {
  readonly topic: Topic;
  /** Relative frequency inside its topic. */
  readonly weight: number;
  /** Urgencies the intent can plausibly carry (an outage is never "low"). */
  readonly urgencies: readonly Urgency[];
  /** Only present in the drifted population (new products and tools). */
  readonly drift?: boolean;
  /** A service request rather than an incident: nobody "already restarted" for it. */
  readonly request?: boolean;
  /**
   * Help-desk agents file this intent under a second topic too (a password prompt in Outlook
   * is "access" for some and "email" for others): the same wording then carries either label,
   * which is the honest ambiguity that keeps topic accuracy below 100%.
   */
  readonly alsoUnder?: { readonly topic: Topic; readonly weight: number };
}

const all: readonly Urgency[] = ["low", "medium", "high", "critical"];
const notLow: readonly Urgency[] = ["medium", "high", "critical"];
const requests: readonly Urgency[] = ["low", "medium", "high"];
const severe: readonly Urgency[] = ["high", "critical"];

/** Every intent the generator knows; both language packs must phrase each one. */
export const intentSpecs = {
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
  "software.install": { topic: "software", weight: 3, urgencies: requests, request: true },
  "software.crash": { topic: "software", weight: 3, urgencies: all },
  "software.license": { topic: "software", weight: 1.5, urgencies: requests, request: true },
  "software.update_failed": { topic: "software", weight: 1.5, urgencies: all },
  "software.copilot": { topic: "software", weight: 4, urgencies: all, drift: true },
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
  "email.not_receiving": { topic: "email", weight: 3, urgencies: all },
  "email.mailbox_full": { topic: "email", weight: 2, urgencies: requests, request: true },
  "email.shared_mailbox": { topic: "email", weight: 2, urgencies: requests, request: true },
  "email.sync": { topic: "email", weight: 2, urgencies: all },
  "email.new_outlook": { topic: "email", weight: 2.5, urgencies: all, drift: true },
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
  "storage.sharepoint_migration": { topic: "storage", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;

/** Identifier of an intent, `topic.name`. */
export type IntentId = keyof typeof intentSpecs;

/** The phrasing of every intent in one language (the type forces full coverage). */
export type IntentPack = Readonly<Record<IntentId, IntentPhrases>>;

/** How one language states each fact of an {@link Impact}, plus tone that carries no fact. */
export interface ImpactPhrases {
  readonly scope: Readonly<Record<Scope, readonly string[]>>;
  readonly severity: Readonly<Record<Severity, readonly string[]>>;
  readonly workaround: readonly string[];
  /** Said of a blocking problem that has no way around it. */
  readonly noWorkaround: readonly string[];
  readonly deadline: Readonly<Record<Exclude<Deadline, "none">, readonly string[]>>;
  readonly exposure: readonly string[];
  /** Loud wording (subject tags with `%s` for the subject, body lines), whatever the impact. */
  readonly shouting: { readonly tags: readonly string[]; readonly lines: readonly string[] };
  /** Polite softeners, whatever the impact. */
  readonly polite: readonly string[];
}

/** E-mail threads in one language: `%s` is the original subject. */
export interface ThreadFrames {
  readonly forwardSubjects: readonly string[];
  readonly forwardHeaders: readonly string[];
  readonly forwardNotes: readonly string[];
  readonly replySubjects: readonly string[];
  readonly replyNotes: readonly string[];
  readonly replyHeaders: readonly string[];
  /** Legal and habitual lines under a signature. */
  readonly disclaimers: readonly string[];
}

/** Everything around the intent in one language: openings, signatures, slot values. */
export interface LanguageFrames {
  readonly greetings: readonly string[];
  readonly closings: readonly string[];
  /** Signature line under the name, e.g. `{team} team`. */
  readonly signatureTeams: readonly string[];
  /** Phone tickets are written by the agent taking the call. */
  readonly phonePrefixes: readonly string[];
  /** Prefixes introducing a second, unrelated problem (they end the sentence start). */
  readonly alsoPrefixes: readonly string[];
  /** Sentences saying what the user already tried. */
  readonly tried: readonly string[];
  /** Neutral context sentences that only add length. */
  readonly fillers: readonly string[];
  /** A passing mention of another topic, for mixed tickets. */
  readonly mentions: Readonly<Record<Topic, readonly string[]>>;
  /** Language-specific slot values. */
  readonly slots: Readonly<Record<string, readonly string[]>>;
  /** Slot values only seen in the drifted population. */
  readonly driftSlots: Readonly<Record<string, readonly string[]>>;
}
