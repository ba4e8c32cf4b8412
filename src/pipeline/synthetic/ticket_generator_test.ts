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
  // One-liners with an English subject are the rare exception (bilingual offices).
  assert.ok(share(french, (t) => frenchWords.test(text(t))) > 0.97);
  const onlyFrench = /\b(je|bonjour|merci|depuis|mon|pas|est|une)\b/i;
  assert.ok(
    share(baseline.filter((t) => t.language === "en"), (t) => onlyFrench.test(t.body)) < 0.01,
  );
  // Many write French without accents.
  const accented = share(french, (t) => /[éèàçê]/.test(text(t)));
  assert.ok(accented > 0.45 && accented < 0.75, `accented French: ${accented}`);
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

Deno.test("urgency follows the impact: loud words come with every level, calm outages exist", () => {
  const loud = /urgent|asap|!!!|au plus vite/i;
  const of = (urgency: string) => baseline.filter((t) => t.urgency === urgency);
  const shouting = Object.fromEntries(
    urgencies.map((u) => [u, share(of(u), (t) => loud.test(text(t)))]),
  );
  for (const urgency of urgencies) {
    assert.ok(shouting[urgency] > 0.05 && shouting[urgency] < 0.2, JSON.stringify(shouting));
  }
  assert.ok(Math.abs(shouting.low - shouting.critical) < 0.05, JSON.stringify(shouting));
  // Most critical tickets say nothing loud; they say who is stopped.
  const scope =
    /everyone|every |whole|entire|all |nobody|company|department|building|tous|toute|tout le|personne|entreprise|bâtiment|service|site/i;
  assert.ok(share(of("critical"), (t) => !loud.test(text(t)) && scope.test(text(t))) > 0.6);
  // Several distinct phrasings of the same fact per language, not one keyword.
  const frenchCritical = of("critical").filter((t) => t.language === "fr");
  assert.ok(new Set(frenchCritical.map((t) => t.body.match(scope)?.[0].toLowerCase())).size >= 5);
});

Deno.test("the traps of real tickets are there: threads, one-liners, mixed languages", () => {
  const emails = baseline.filter((t) => t.channel === "email");
  const forwarded = share(emails, (t) => /^(fw|fwd|tr)\s?:/i.test(t.subject));
  assert.ok(forwarded > 0.03 && forwarded < 0.12, `forwarded: ${forwarded}`);
  assert.ok(share(emails, (t) => /^re\s?:/i.test(t.subject) && t.body.includes("\n> ")) > 0.02);
  assert.ok(share(emails, (t) => /confidenti/i.test(t.body)) > 0.02);
  const chats = baseline.filter((t) => t.channel === "chat");
  assert.ok(share(chats, (t) => t.body.length < 90) > 0.15);
  const french = baseline.filter((t) => t.language === "fr");
  const englishSubject =
    /\b(my|the|can't|not|need|please|access|password|is|isn't|doesn't|won't|for|to|with|new|request|error|working|help)\b/i;
  const mixed = share(french, (t) => englishSubject.test(t.subject));
  assert.ok(mixed > 0.02 && mixed < 0.2, `French tickets with an English subject: ${mixed}`);
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
