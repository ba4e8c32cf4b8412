import type { Channel, Topic, Urgency } from "../../domain/ticket.ts";
import type { Random } from "../../ml/random.ts";
import { enFrames } from "./ticket_frames_en.ts";
import { frFrames } from "./ticket_frames_fr.ts";
import {
  type IntentId,
  type IntentPack,
  intentSpecs,
  type LanguageFrames,
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
}

/** Usual (non-drift) intents per topic, for the second problem of mixed tickets. */
const intentsByTopic = {} as Record<Topic, IntentId[]>;
for (
  const [id, spec] of Object.entries(intentSpecs) as [IntentId, (typeof intentSpecs)[IntentId]][]
) {
  if (!("drift" in spec)) (intentsByTopic[spec.topic] ??= []).push(id);
}

const levels: readonly Urgency[] = ["low", "medium", "high", "critical"];
// Cues are frequent but not guaranteed, so urgency stays learnable without being trivial.
const tagChance: Record<Urgency, number> = { low: 0.25, medium: 0.06, high: 0.3, critical: 0.4 };
const cueChance: Record<Urgency, number> = { low: 0.9, medium: 0.7, high: 0.9, critical: 0.92 };
/** Users over- or understate: sometimes the wording belongs to the neighbouring level. */
const MISCUE_SHARE = 0.03;
const MIXED_TOPIC_SHARE = 0.1;
const TYPO_SHARE = 0.05;
const detailCounts = { "0": 0.25, "1": 0.4, "2": 0.25, "3": 0.1 } as const;

/** Writes tickets in one language, for the baseline or the drifted population. */
export class TicketComposer {
  readonly #frames: LanguageFrames;
  readonly #intents: IntentPack;
  readonly #slots: SlotFiller;
  readonly #topics: readonly Topic[];

  constructor(language: "en" | "fr", drifted: boolean) {
    this.#frames = language === "en" ? enFrames : frFrames;
    this.#intents = language === "en" ? enIntents : frIntents;
    this.#slots = new SlotFiller(this.#frames, drifted);
    this.#topics = Object.keys(this.#frames.mentions) as Topic[];
  }

  /** Subject and body for `plan`, with the channel's style and the usual human noise. */
  compose(plan: TicketPlan, random: Random): { subject: string; body: string } {
    this.#slots.reset();
    const cueLevel = random.chance(MISCUE_SHARE) ? neighbour(plan.urgency, random) : plan.urgency;
    const cues = this.#frames.urgency[cueLevel];
    let subject = this.#fill(random.pick(this.#intents[plan.intent].subjects), random);
    if (random.chance(tagChance[cueLevel])) subject = random.pick(cues.tags).replace("%s", subject);
    const cue = random.chance(cueChance[cueLevel])
      ? this.#fill(random.pick(cues.cues), random)
      : "";
    let body = this.#body(plan, cue, random);

    if (random.chance(TYPO_SHARE)) {
      body = addTypos(body, random, random.int(1, 3));
      if (random.chance(0.3)) subject = addTypos(subject, random, 1);
    }
    // Chat users rarely bother with capitals; a few others do the same.
    if (random.chance(plan.channel === "chat" ? 0.25 : 0.03)) {
      subject = subject.toLowerCase();
      body = body.toLowerCase();
    } else if (random.chance(0.05)) subject = subject.toLowerCase();
    return { subject, body };
  }

  #body(plan: TicketPlan, cue: string, random: Random): string {
    const phrases = this.#intents[plan.intent];
    const chat = plan.channel === "chat";
    const sentences = [this.#fill(random.pick(phrases.problems), random)];
    const wanted = Number(random.weighted(detailCounts));
    const details = random.shuffle(phrases.details).slice(0, chat ? Math.min(wanted, 1) : wanted);
    for (const detail of details) sentences.push(this.#fill(detail, random));
    const request = "request" in intentSpecs[plan.intent];
    if (!chat && !request && random.chance(0.3)) sentences.push(random.pick(this.#frames.tried));
    if (cue) sentences.splice(random.chance(0.5) ? 1 : sentences.length, 0, cue);
    if (random.chance(MIXED_TOPIC_SHARE)) sentences.push(this.#mention(plan.topic, random));
    if (!chat && random.chance(0.25)) {
      sentences.push(this.#fill(random.pick(this.#frames.fillers), random));
    }

    const text = sentences.join(" ");
    switch (plan.channel) {
      case "chat":
        return random.chance(0.25) ? `${random.pick(this.#frames.greetings)} ${text}` : text;
      case "phone": {
        const prefix = this.#fill(random.pick(this.#frames.phonePrefixes), random);
        const callback = random.chance(0.4) ? `\n${this.#fill("{phone}", random)}` : "";
        return `${prefix}${text}${callback}`;
      }
      case "portal":
        return this.#letter(text, random, 0.35, 0.3);
      case "email":
        return this.#letter(text, random, 0.85, 0.75);
    }
  }

  /** A second, minor problem of another topic: a passing remark or a full problem sentence. */
  #mention(topic: Topic, random: Random): string {
    const other = random.pick(this.#topics.filter((t) => t !== topic));
    if (random.chance(0.5)) return this.#fill(random.pick(this.#frames.mentions[other]), random);
    const intents = intentsByTopic[other];
    const problem = this.#fill(random.pick(this.#intents[random.pick(intents)].problems), random);
    return `${random.pick(this.#frames.alsoPrefixes)}${problem}`;
  }

  /** Letter layout: greeting, the text, then closing and signature, each with its chance. */
  #letter(text: string, random: Random, greetingChance: number, signChance: number): string {
    const parts: string[] = [];
    if (random.chance(greetingChance)) parts.push(random.pick(this.#frames.greetings));
    parts.push(text);
    if (random.chance(signChance)) {
      const lines = [random.pick(this.#frames.closings), this.#slots.name(random)];
      if (random.chance(0.5)) {
        lines.push(this.#fill(random.pick(this.#frames.signatureTeams), random));
      }
      if (random.chance(0.4)) lines.push(this.#fill("{phone}", random));
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
