import type { Topic, Urgency } from "../../domain/ticket.ts";
import type { Deadline, Scope, Severity } from "./ticket_impact.ts";
import { accessIntents } from "./intents/access.ts";
import { hardwareIntents } from "./intents/hardware.ts";
import { softwareIntents } from "./intents/software.ts";
import { networkIntents } from "./intents/network.ts";
import { emailIntents } from "./intents/email.ts";
import { printingIntents } from "./intents/printing.ts";
import { securityIntents } from "./intents/security.ts";
import { storageIntents } from "./intents/storage.ts";

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

/** Every intent the generator knows; both language packs must phrase each one. */
export const intentSpecs = {
  ...accessIntents,
  ...hardwareIntents,
  ...softwareIntents,
  ...networkIntents,
  ...emailIntents,
  ...printingIntents,
  ...securityIntents,
  ...storageIntents,
} as const satisfies Record<string, IntentSpec>;

/** Identifier of an intent, `topic.name`. */
export type IntentId = keyof typeof intentSpecs;

/** The phrasing of every intent in one language (the type forces full coverage). */
export type IntentPack = Readonly<Record<IntentId, IntentPhrases>>;

/** The phrasing of one topic's intents in one language. */
export type TopicPhrases<Specs> = Readonly<Record<keyof Specs, IntentPhrases>>;

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
