/**
 * Seeded synthetic IT help-desk tickets (English and French) for the ticket-triage model:
 * realistic wording, class imbalance, an urgency that follows from the ticket's impact (who is
 * stopped, how badly, a workaround, a deadline, a security exposure; `ticket_impact.ts`) and
 * not from loud words, the traps of real tickets (forwarded threads, one-liners, French
 * without accents, French mixed with English, typos, signatures, two topics), a little label
 * noise, plus a drifted population for monitoring demos.
 */
import type { Channel, Topic, Urgency } from "../../domain/ticket.ts";
import { createRandom, type Random } from "../../ml/random.ts";
import { neighbour, TicketComposer } from "./ticket_compose.ts";
import { drawImpact } from "./ticket_impact.ts";
import { type IntentId, type IntentSpec, intentSpecs } from "./ticket_intents.ts";
import {
  baselineProfile,
  channelWeightsFor,
  driftedProfile,
  urgencyByTopic,
} from "./ticket_profile.ts";

/** One generated ticket: the `tickets` insert shape without `source` (the caller adds it). */
export interface SyntheticTicket {
  id: string;
  subject: string;
  body: string;
  channel: Channel;
  language: "en" | "fr";
  topic: Topic;
  urgency: Urgency;
  createdAt: Date;
}

/** Options of {@linkcode generateTickets}. */
export interface TicketGeneratorOptions {
  /** How many tickets (a non-negative integer). */
  count: number;
  /** Seed of the PRNG: equal options give deeply equal output. */
  seed: number;
  /** Draw from the shifted population (new tools, more French, more urgent). */
  drifted?: boolean;
  /** Tickets fall in the 90 UTC days before this day (default 2026-01-01T00:00:00Z). */
  start?: Date;
}

/** Fixed default so that output never depends on the clock. */
export const DEFAULT_TICKET_START = new Date("2026-01-01T00:00:00Z");
const SPREAD_DAYS = 90;
const DAY_MS = 86_400_000;
/** Share of tickets whose topic label is replaced by a random one (annotator mistakes). */
const TOPIC_NOISE = 0.02;
/** Share of tickets whose urgency label moves to a neighbouring level. */
const URGENCY_NOISE = 0.03;
// UTC hours of a European working day, busiest mid-morning and early afternoon.
const businessHours = {
  "7": 4,
  "8": 9,
  "9": 10,
  "10": 9,
  "11": 7,
  "12": 6,
  "13": 9,
  "14": 8,
  "15": 7,
  "16": 4,
} as const;

/** Generates `count` tickets sorted by `createdAt`; pure and deterministic for given options. */
export function generateTickets(options: TicketGeneratorOptions): SyntheticTicket[] {
  const { count, seed, drifted = false, start = DEFAULT_TICKET_START } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(
      `Cannot generate tickets: count must be a non-negative integer, got ${count}`,
    );
  }
  const random = createRandom(seed);
  const profile = drifted ? driftedProfile : baselineProfile;
  const urgencyWeights = urgencyByTopic(profile);
  const composers = {
    en: new TicketComposer("en", drifted),
    fr: new TicketComposer("fr", drifted),
  };
  const topics = Object.keys(profile.topicWeights) as Topic[];

  const tickets: SyntheticTicket[] = [];
  for (let i = 0; i < count; i++) {
    const topic = random.weighted(profile.topicWeights);
    const urgency = random.weighted(urgencyWeights[topic]);
    const useDrift = random.chance(profile.driftIntentShare);
    const intent = pickIntent(random, topic, urgency, useDrift);
    const channel = random.weighted(channelWeightsFor(profile, urgency));
    const language = random.chance(profile.frenchShare) ? "fr" : "en";
    const impact = drawImpact(random, urgency, intentSpecs[intent]);
    const { subject, body } = composers[language].compose(
      { topic, intent, urgency, channel, impact },
      random,
    );
    tickets.push({
      id: random.uuid(),
      subject,
      body,
      channel,
      language,
      topic: random.chance(TOPIC_NOISE) ? random.pick(topics) : topic,
      urgency: random.chance(URGENCY_NOISE) ? neighbour(urgency, random) : urgency,
      createdAt: drawCreatedAt(random, start),
    });
  }
  return tickets.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

type Candidates = readonly { id: IntentId; weight: number }[];
const candidateCache = new Map<string, Candidates>();

/** An intent of `topic` that fits `urgency` (an outage is never low), weighted by frequency. */
function pickIntent(random: Random, topic: Topic, urgency: Urgency, drift: boolean): IntentId {
  const key = `${topic}/${urgency}/${drift}`;
  let candidates = candidateCache.get(key);
  if (!candidates) {
    const fits = (drifting: boolean) =>
      (Object.entries(intentSpecs) as [IntentId, IntentSpec][]).flatMap(([id, spec]) => {
        if (Boolean(spec.drift) !== drifting || !spec.urgencies.includes(urgency)) return [];
        if (spec.topic === topic) return [{ id, weight: spec.weight }];
        if (spec.alsoUnder?.topic === topic) return [{ id, weight: spec.alsoUnder.weight }];
        return [];
      });
    // Topics without a drift intent for this urgency fall back to the usual ones.
    candidates = drift && fits(true).length > 0 ? fits(true) : fits(false);
    if (candidates.length === 0) {
      throw new Error(`Cannot generate tickets: no intent of topic "${topic}" fits "${urgency}"`);
    }
    candidateCache.set(key, candidates);
  }
  let remaining = random.next() * candidates.reduce((sum, c) => sum + c.weight, 0);
  for (const candidate of candidates) {
    remaining -= candidate.weight;
    if (remaining < 0) return candidate.id;
  }
  return candidates[candidates.length - 1].id;
}

/**
 * A moment in the 90 whole UTC days before the day of `start` (whole days keep business hours
 * inside business hours whatever the time of `start`): mostly weekdays, mostly working hours.
 */
function drawCreatedAt(random: Random, start: Date): Date {
  const startDay = Math.floor(start.getTime() / DAY_MS) * DAY_MS;
  let dayStart: number;
  do {
    dayStart = startDay - random.int(1, SPREAD_DAYS) * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday !== 0 && weekday !== 6) break;
  } while (!random.chance(0.25));
  const hour = random.chance(0.88) ? Number(random.weighted(businessHours)) : random.int(0, 23);
  const seconds = hour * 3600 + random.int(0, 3599);
  return new Date(dayStart + seconds * 1000);
}
