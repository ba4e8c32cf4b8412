import type { Channel, Topic, Urgency } from "../../domain/ticket.ts";
import type { Random } from "../../ml/random.ts";
import { enFrames } from "./ticket_frames_en.ts";
import { frFrames } from "./ticket_frames_fr.ts";
import type { Impact } from "./ticket_impact.ts";
import { enImpact, enThreads } from "./ticket_impact_en.ts";
import { frImpact, frThreads } from "./ticket_impact_fr.ts";
import {
  type ImpactPhrases,
  type IntentId,
  type IntentPack,
  intentSpecs,
  type LanguageFrames,
  type ThreadFrames,
} from "./ticket_intents.ts";
import { addTypos, capitalize } from "./ticket_noise.ts";
import { enIntents } from "./ticket_phrases_en.ts";
import { frIntents } from "./ticket_phrases_fr.ts";
import { SlotFiller } from "./ticket_slots.ts";

/** What the text of a ticket is about. */
export interface TicketPlan {
  readonly topic: Topic;
  readonly intent: IntentId;
  readonly urgency: Urgency;
  readonly channel: Channel;
  /** The facts its urgency follows from; the text states some of them. */
  readonly impact: Impact;
}

/** Usual (non-drift) intents per topic, for the second problem of mixed tickets. */
const intentsByTopic = {} as Record<Topic, IntentId[]>;
for (
  const [id, spec] of Object.entries(intentSpecs) as [IntentId, (typeof intentSpecs)[IntentId]][]
) {
  if (!("drift" in spec)) (intentsByTopic[spec.topic] ??= []).push(id);
}

const levels: readonly Urgency[] = ["low", "medium", "high", "critical"];
/** Loud wording comes with any urgency: it says how the writer feels, not what is at stake. */
const SHOUT_SHARE = 0.1;
const POLITE_SHARE = 0.3;
const MIXED_TOPIC_SHARE = 0.1;
/** French tickets with an English subject or sentence (bilingual offices). */
const MIXED_LANGUAGE_SHARE = 0.08;
/** French typed on a keyboard without accents, or in a hurry. */
const UNACCENTED_FRENCH_SHARE = 0.4;
const TYPO_SHARE = 0.12;
const FORWARD_SHARE = 0.07;
const REPLY_SHARE = 0.05;
const DISCLAIMER_SHARE = 0.2;
const oneLinerShare: Record<Channel, number> = { chat: 0.3, portal: 0.08, email: 0.03, phone: 0 };
const detailCounts = { "0": 0.3, "1": 0.4, "2": 0.22, "3": 0.08 } as const;

const stripAccents = (text: string) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");

/** The phrasing a composer draws from in one language. */
interface LanguagePack {
  readonly frames: LanguageFrames;
  readonly intents: IntentPack;
  readonly impact: ImpactPhrases;
  readonly threads: ThreadFrames;
}

const packs: Readonly<Record<"en" | "fr", LanguagePack>> = {
  en: { frames: enFrames, intents: enIntents, impact: enImpact, threads: enThreads },
  fr: { frames: frFrames, intents: frIntents, impact: frImpact, threads: frThreads },
};

/** Writes tickets in one language, for the baseline or the drifted population. */
export class TicketComposer {
  readonly #language: "en" | "fr";
  readonly #pack: LanguagePack;
  /** English wording that slips into French tickets. */
  readonly #foreign: LanguagePack;
  readonly #slots: SlotFiller;
  readonly #topics: readonly Topic[];

  constructor(language: "en" | "fr", drifted: boolean) {
    this.#language = language;
    this.#pack = packs[language];
    this.#foreign = packs.en;
    this.#slots = new SlotFiller(this.#pack.frames, drifted);
    this.#topics = Object.keys(this.#pack.frames.mentions) as Topic[];
  }

  /** Subject and body for `plan`, with the channel's style and the usual human noise. */
  compose(plan: TicketPlan, random: Random): { subject: string; body: string } {
    this.#slots.reset();
    const phrases = this.#pack.intents[plan.intent];
    const mixed = this.#language === "fr" && random.chance(MIXED_LANGUAGE_SHARE);
    const subjects = mixed ? this.#foreign.intents[plan.intent].subjects : phrases.subjects;
    let subject = this.#fill(random.pick(subjects), random);
    const shouting = random.chance(SHOUT_SHARE);
    const loudSubject = shouting && random.chance(0.6);
    if (loudSubject) subject = random.pick(this.#pack.impact.shouting.tags).replace("%s", subject);
    let body = random.chance(oneLinerShare[plan.channel])
      ? this.#fill(random.pick(phrases.problems), random)
      : this.#body(plan, shouting && !loudSubject, mixed, random);

    if (random.chance(TYPO_SHARE)) {
      body = addTypos(body, random, random.int(1, 3));
      if (random.chance(0.3)) subject = addTypos(subject, random, 1);
    }
    // Chat users rarely bother with capitals; a few others do the same.
    if (random.chance(plan.channel === "chat" ? 0.25 : 0.03)) {
      subject = subject.toLowerCase();
      body = body.toLowerCase();
    } else if (random.chance(0.05)) subject = subject.toLowerCase();
    if (this.#language === "fr" && random.chance(UNACCENTED_FRENCH_SHARE)) {
      [subject, body] = [stripAccents(subject), stripAccents(body)];
    }
    if (plan.channel === "email") [subject, body] = this.#thread(subject, body, random);
    return { subject, body };
  }

  /** The sentences that state some of the impact's facts, each with its own chance. */
  #impact(impact: Impact, mixed: boolean, random: Random): string[] {
    const phrases = mixed && random.chance(0.5) ? this.#foreign.impact : this.#pack.impact;
    const said: string[] = [];
    if (random.chance(impact.scope === "one" ? 0.25 : 0.95)) {
      said.push(random.pick(phrases.scope[impact.scope]));
    }
    if (random.chance(0.9)) said.push(random.pick(phrases.severity[impact.severity]));
    if (impact.severity !== "minor") {
      if (impact.workaround && random.chance(0.9)) said.push(random.pick(phrases.workaround));
      if (!impact.workaround && impact.severity === "blocked" && random.chance(0.35)) {
        said.push(random.pick(phrases.noWorkaround));
      }
    }
    if (impact.deadline !== "none" && random.chance(0.9)) {
      said.push(random.pick(phrases.deadline[impact.deadline]));
    }
    if (impact.exposure && random.chance(0.95)) said.push(random.pick(phrases.exposure));
    return random.shuffle(said).map((sentence) => this.#fill(sentence, random));
  }

  #body(plan: TicketPlan, shoutLine: boolean, mixed: boolean, random: Random): string {
    const { frames, intents, impact } = this.#pack;
    const phrases = intents[plan.intent];
    const chat = plan.channel === "chat";
    const sentences = [this.#fill(random.pick(phrases.problems), random)];
    const wanted = Number(random.weighted(detailCounts));
    const details = random.shuffle(phrases.details).slice(0, chat ? Math.min(wanted, 1) : wanted);
    for (const detail of details) sentences.push(this.#fill(detail, random));
    const request = "request" in intentSpecs[plan.intent];
    if (!chat && !request && random.chance(0.3)) sentences.push(random.pick(frames.tried));
    const facts = this.#impact(plan.impact, mixed, random);
    sentences.splice(random.int(1, sentences.length), 0, ...facts);
    if (random.chance(MIXED_TOPIC_SHARE)) sentences.push(this.#mention(plan.topic, random));
    if (!chat && random.chance(0.2)) {
      sentences.push(this.#fill(random.pick(frames.fillers), random));
    }
    if (random.chance(POLITE_SHARE)) {
      const polite = random.pick(impact.polite);
      if (random.chance(0.5)) sentences.unshift(polite);
      else sentences.push(polite);
    }
    if (shoutLine) sentences.push(random.pick(impact.shouting.lines));

    const text = sentences.join(" ");
    switch (plan.channel) {
      case "chat":
        return random.chance(0.25) ? `${random.pick(frames.greetings)} ${text}` : text;
      case "phone": {
        const prefix = this.#fill(random.pick(frames.phonePrefixes), random);
        const callback = random.chance(0.4) ? `\n${this.#fill("{phone}", random)}` : "";
        return `${prefix}${text}${callback}`;
      }
      case "portal":
        return this.#letter(text, random, 0.35, 0.3);
      case "email":
        return this.#letter(text, random, 0.85, 0.75);
    }
  }

  /** Now and then an e-mail arrives forwarded by someone else, or as a reply in a thread. */
  #thread(subject: string, body: string, random: Random): [string, string] {
    const threads = this.#pack.threads;
    const roll = random.next();
    if (roll < FORWARD_SHARE) {
      const header = this.#fill(random.pick(threads.forwardHeaders), random).replace("%s", subject);
      const note = this.#fill(random.pick(threads.forwardNotes), random);
      return [
        random.pick(threads.forwardSubjects).replace("%s", subject),
        `${note}\n\n${header}\n\n${body}`,
      ];
    }
    if (roll < FORWARD_SHARE + REPLY_SHARE) {
      const header = this.#fill(random.pick(threads.replyHeaders), random);
      const quoted = body.split("\n").map((line) => `> ${line}`).join("\n");
      return [
        random.pick(threads.replySubjects).replace("%s", subject),
        `${random.pick(threads.replyNotes)}\n\n${header}\n${quoted}`,
      ];
    }
    return [subject, body];
  }

  /** A second, minor problem of another topic: a passing remark or a full problem sentence. */
  #mention(topic: Topic, random: Random): string {
    const { frames, intents } = this.#pack;
    const other = random.pick(this.#topics.filter((t) => t !== topic));
    if (random.chance(0.5)) return this.#fill(random.pick(frames.mentions[other]), random);
    const problem = this.#fill(
      random.pick(intents[random.pick(intentsByTopic[other])].problems),
      random,
    );
    return `${random.pick(frames.alsoPrefixes)}${problem}`;
  }

  /** Letter layout: greeting, the text, then closing and signature, each with its chance. */
  #letter(text: string, random: Random, greetingChance: number, signChance: number): string {
    const parts: string[] = [];
    const { frames, threads } = this.#pack;
    if (random.chance(greetingChance)) parts.push(random.pick(frames.greetings));
    parts.push(text);
    if (random.chance(signChance)) {
      const lines = [random.pick(frames.closings), this.#slots.name(random)];
      if (random.chance(0.5)) {
        lines.push(this.#fill(random.pick(frames.signatureTeams), random));
      }
      if (random.chance(0.4)) lines.push(this.#fill("{phone}", random));
      if (random.chance(DISCLAIMER_SHARE)) lines.push(`--\n${random.pick(threads.disclaimers)}`);
      parts.push(lines.join("\n"));
    }
    return parts.join("\n\n");
  }

  #fill(template: string, random: Random): string {
    return capitalize(this.#slots.fill(template, random));
  }
}

/** An urgency one level up or down (never out of range). */
export function neighbour(urgency: Urgency, random: Random): Urgency {
  const at = levels.indexOf(urgency);
  const step = at === 0 ? 1 : at === levels.length - 1 ? -1 : random.chance(0.5) ? 1 : -1;
  return levels[at + step];
}
