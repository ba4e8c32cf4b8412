import assert from "node:assert/strict";
import { channels, topics, urgencies } from "../../domain/ticket.ts";
import { DEFAULT_TICKET_START, generateTickets, type SyntheticTicket } from "./ticket_generator.ts";
import { baselineProfile, driftedProfile } from "./ticket_profile.ts";

const baseline = generateTickets({ count: 5000, seed: 11 });
const drifted = generateTickets({ count: 5000, seed: 11, drifted: true });

function share(tickets: readonly SyntheticTicket[], test: (t: SyntheticTicket) => boolean) {
  return tickets.filter(test).length / tickets.length;
}
const text = (t: SyntheticTicket) => `${t.subject}\n${t.body}`;

Deno.test("the same options give deeply equal tickets, another seed different ones", () => {
  const a = generateTickets({ count: 300, seed: 42 });
  assert.deepEqual(generateTickets({ count: 300, seed: 42 }), a);
  const b = generateTickets({ count: 300, seed: 43 });
  assert.notDeepEqual(b, a);
  assert.equal(b.filter((t, i) => t.body === a[i].body).length < 30, true);
  assert.deepEqual(
    generateTickets({ count: 50, seed: 42, drifted: true }),
    generateTickets({ count: 50, seed: 42, drifted: true }),
  );
});

Deno.test("tickets are complete, valid and uniquely identified", () => {
  assert.deepEqual(generateTickets({ count: 0, seed: 1 }), []);
  assert.equal(baseline.length, 5000);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.equal(new Set(baseline.map((t) => t.id)).size, baseline.length);
  for (const t of [...baseline, ...drifted]) {
    assert.match(t.id, uuid);
    assert.ok(t.subject.trim().length > 0 && t.subject.length <= 300, t.subject);
    assert.ok(t.body.trim().length >= 15, t.body);
    assert.ok(topics.includes(t.topic) && urgencies.includes(t.urgency));
    assert.ok(channels.includes(t.channel) && (t.language === "en" || t.language === "fr"));
    // No template leftovers: unfilled slots or subject-tag markers.
    assert.doesNotMatch(text(t), /\{\w+\}|%s|undefined/);
  }
});

Deno.test("invalid counts are refused", () => {
  assert.throws(() => generateTickets({ count: -1, seed: 1 }), RangeError);
  assert.throws(() => generateTickets({ count: 2.5, seed: 1 }), RangeError);
});

Deno.test("about 70% English, and French tickets are written in French", () => {
  const french = baseline.filter((t) => t.language === "fr");
  assert.ok(Math.abs(1 - french.length / baseline.length - 0.7) <= 0.05);
  const frenchWords =
    /(^|[\s'’])(je|le|la|les|des|du|à|ou|me|vous|mon|ma|mes|pas|est|une|pour|sur|depuis|bonjour|merci)(?=[\s,.!?:]|$)/i;
  assert.equal(share(french, (t) => frenchWords.test(text(t))), 1);
  const onlyFrench = /\b(je|bonjour|merci|depuis|mon|pas|est|une)\b/i;
  assert.ok(
    share(baseline.filter((t) => t.language === "en"), (t) => onlyFrench.test(t.body)) < 0.01,
  );
  assert.ok(share(french, (t) => /[éèàçê]/.test(text(t))) > 0.9);
});

Deno.test("labels follow the configured help-desk imbalance", () => {
  for (const topic of topics) {
    const observed = share(baseline, (t) => t.topic === topic);
    assert.ok(
      Math.abs(observed - baselineProfile.topicWeights[topic]) < 0.025,
      `${topic}: ${observed}`,
    );
  }
  for (const urgency of urgencies) {
    const observed = share(baseline, (t) => t.urgency === urgency);
    assert.ok(
      Math.abs(observed - baselineProfile.urgencyWeights[urgency]) < 0.025,
      `${urgency}: ${observed}`,
    );
  }
  for (const channel of channels) {
    const observed = share(baseline, (t) => t.channel === channel);
    assert.ok(
      Math.abs(observed - baselineProfile.channelWeights[channel]) < 0.04,
      `${channel}: ${observed}`,
    );
  }
  const security = baseline.filter((t) => t.topic === "security");
  const urgent = (t: SyntheticTicket) => t.urgency === "high" || t.urgency === "critical";
  assert.ok(share(security, urgent) > share(baseline, urgent) + 0.2);
});

Deno.test("urgency is signalled by varied cues in both languages, but not always", () => {
  const critical =
    /all users|whole|entire|everyone|outage|production|data loss|security incident|toute l'équipe|tous les utilisateurs|panne|perte de données|incident de sécurité|tout le|à l'arrêt|\bp1\b|sev1/i;
  const low =
    /no rush|not urgent|when you have time|whenever|can wait|low priority|just a question|quick question|request|quand vous aurez|pas urgent|peut attendre|priorité basse|juste une question|petite question|demande/i;
  const of = (urgency: string) => baseline.filter((t) => t.urgency === urgency);
  assert.ok(share(of("critical"), (t) => critical.test(text(t))) > 0.7);
  assert.ok(share(of("low"), (t) => critical.test(text(t))) < 0.15);
  assert.ok(share(of("low"), (t) => low.test(text(t))) > 0.7);
  assert.ok(share(of("critical"), (t) => low.test(text(t))) < 0.15);
  // Several distinct phrasings per level and language, not one keyword.
  const frenchCritical = of("critical").filter((t) => t.language === "fr");
  assert.ok(
    new Set(frenchCritical.map((t) => t.body.match(critical)?.[0].toLowerCase())).size >= 5,
  );
  assert.ok(
    share(
      of("high"),
      (t) => /urgent|today|asap|deadline|aujourd'hui|au plus vite|échéance/i.test(text(t)),
    ) < 0.95,
  );
});

Deno.test("the text has human noise: varied lengths, lower-cased subjects, mixed topics", () => {
  const lengths = baseline.map((t) => t.body.length).sort((a, b) => a - b);
  assert.ok(
    lengths[Math.floor(lengths.length * 0.9)] > 2 * lengths[Math.floor(lengths.length * 0.1)],
  );
  assert.ok(lengths[lengths.length - 1] > 450 && lengths[0] < 80);
  const lowered = share(
    baseline,
    (t) => t.subject === t.subject.toLowerCase() && /[a-z]/.test(t.subject),
  );
  assert.ok(lowered > 0.03 && lowered < 0.2, `lower-cased subjects: ${lowered}`);
  const printing = /printer|imprimante/i;
  const mixed = share(baseline.filter((t) => t.topic === "access"), (t) => printing.test(t.body));
  assert.ok(mixed > 0.003 && mixed < 0.05, `access tickets mentioning printers: ${mixed}`);
});

Deno.test("tickets fall in the 90 days before start, mostly on weekday business hours, sorted", () => {
  const start = new Date("2025-06-01T00:00:00Z");
  const tickets = generateTickets({ count: 2000, seed: 5, start });
  const earliest = start.getTime() - 90 * 86_400_000;
  for (const [i, t] of tickets.entries()) {
    assert.ok(t.createdAt.getTime() >= earliest && t.createdAt.getTime() < start.getTime());
    if (i > 0) assert.ok(t.createdAt >= tickets[i - 1].createdAt);
  }
  assert.ok(
    share(tickets, (t) => t.createdAt.getUTCHours() >= 7 && t.createdAt.getUTCHours() <= 16) > 0.8,
  );
  assert.ok(share(tickets, (t) => t.createdAt.getUTCDay() % 6 !== 0) > 0.85);
  assert.ok(baseline.every((t) => t.createdAt < DEFAULT_TICKET_START));
  // A start in the middle of a day still gives only past tickets.
  const noon = new Date("2025-06-01T12:30:00Z");
  assert.ok(generateTickets({ count: 300, seed: 5, start: noon }).every((t) => t.createdAt < noon));
});

Deno.test("the drifted population differs measurably", () => {
  const fr = (ts: SyntheticTicket[]) => share(ts, (t) => t.language === "fr");
  assert.ok(Math.abs(fr(drifted) - driftedProfile.frenchShare) < 0.05);
  const urgent = (t: SyntheticTicket) => t.urgency === "high" || t.urgency === "critical";
  assert.ok(share(drifted, urgent) > share(baseline, urgent) + 0.12);
  const security = (t: SyntheticTicket) => t.topic === "security";
  assert.ok(share(drifted, security) > 2 * share(baseline, security));
  const newVocabulary = /\b(copilot|zoom|okta)\b/i;
  assert.equal(share(baseline, (t) => newVocabulary.test(text(t))), 0);
  assert.ok(share(drifted, (t) => newVocabulary.test(text(t))) > 0.15);
});
