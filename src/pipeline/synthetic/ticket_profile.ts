import type { Channel, Topic, Urgency } from "../../domain/ticket.ts";

/** The population a batch of tickets is drawn from: mixes of labels, languages, channels. */
export interface TicketProfile {
  /** Share of French tickets. */
  readonly frenchShare: number;
  readonly topicWeights: Readonly<Record<Topic, number>>;
  /** Urgency mix over all topics (security gets its own, the others are adjusted to match). */
  readonly urgencyWeights: Readonly<Record<Urgency, number>>;
  /** Security tickets skew towards high and critical. */
  readonly securityUrgencyWeights: Readonly<Record<Urgency, number>>;
  readonly channelWeights: Readonly<Record<Channel, number>>;
  /** Chance that a ticket uses one of the drift-only intents (new products and tools). */
  readonly driftIntentShare: number;
}

/** A help desk as it looks at training time. */
export const baselineProfile: TicketProfile = {
  frenchShare: 0.3,
  topicWeights: {
    access: 0.24,
    software: 0.18,
    hardware: 0.14,
    network: 0.12,
    email: 0.12,
    printing: 0.08,
    storage: 0.07,
    security: 0.05,
  },
  urgencyWeights: { low: 0.3, medium: 0.42, high: 0.2, critical: 0.08 },
  securityUrgencyWeights: { low: 0.08, medium: 0.3, high: 0.32, critical: 0.3 },
  channelWeights: { email: 0.45, portal: 0.3, chat: 0.15, phone: 0.1 },
  driftIntentShare: 0,
};

/** The same help desk months later: new tools, more French, more pressure. */
export const driftedProfile: TicketProfile = {
  frenchShare: 0.5,
  topicWeights: {
    access: 0.17,
    software: 0.22,
    hardware: 0.1,
    network: 0.17,
    email: 0.1,
    printing: 0.05,
    storage: 0.07,
    security: 0.12,
  },
  urgencyWeights: { low: 0.18, medium: 0.36, high: 0.3, critical: 0.16 },
  securityUrgencyWeights: { low: 0.05, medium: 0.2, high: 0.35, critical: 0.4 },
  channelWeights: { email: 0.35, portal: 0.25, chat: 0.3, phone: 0.1 },
  driftIntentShare: 0.45,
};

/**
 * Urgency weights per topic such that the overall mix still equals `urgencyWeights`:
 * what security takes above the average is taken from the other topics.
 */
export function urgencyByTopic(
  profile: TicketProfile,
): Readonly<Record<Topic, Readonly<Record<Urgency, number>>>> {
  const total = Object.values(profile.topicWeights).reduce((sum, w) => sum + w, 0);
  const securityShare = profile.topicWeights.security / total;
  const others = {} as Record<Urgency, number>;
  for (const [urgency, weight] of Object.entries(profile.urgencyWeights) as [Urgency, number][]) {
    const rest = weight - securityShare * profile.securityUrgencyWeights[urgency];
    others[urgency] = Math.max(0.01, rest / (1 - securityShare));
  }
  const byTopic = {} as Record<Topic, Readonly<Record<Urgency, number>>>;
  for (const topic of Object.keys(profile.topicWeights) as Topic[]) {
    byTopic[topic] = topic === "security" ? profile.securityUrgencyWeights : others;
  }
  return byTopic;
}

/** Urgent tickets come more often by phone and chat. */
export function channelWeightsFor(
  profile: TicketProfile,
  urgency: Urgency,
): Readonly<Record<Channel, number>> {
  if (urgency !== "critical" && urgency !== "high") return profile.channelWeights;
  const boost = urgency === "critical" ? 2 : 1.4;
  const { email, portal, chat, phone } = profile.channelWeights;
  return { email, portal: portal * 0.7, chat: chat * boost, phone: phone * boost };
}
