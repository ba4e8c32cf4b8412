/**
 * The hand-written evaluation set measures how the model does on tickets people write only as
 * long as the generator was not written from it: its phrase tables may share a common phrase
 * with those tickets ("a USB stick in the car park"), never their sentences.
 */
import assert from "node:assert/strict";
import { normalizeText } from "../../ml/text_normalization.ts";
import { enFrames } from "./ticket_frames_en.ts";
import { frFrames } from "./ticket_frames_fr.ts";
import { enImpact, enThreads } from "./ticket_impact_en.ts";
import { frImpact, frThreads } from "./ticket_impact_fr.ts";
import { enIntents } from "./ticket_phrases_en.ts";
import { frIntents } from "./ticket_phrases_fr.ts";

const SEQUENCE = 8;

/** Every run of `SEQUENCE` folded words of `text`, slots left out. */
function sequences(text: string): string[] {
  const words = normalizeText(text.replace(/\{\w+\}|%s/g, " ")).split(" ");
  return Array.from(
    { length: Math.max(0, words.length - SEQUENCE + 1) },
    (_, i) => words.slice(i, i + SEQUENCE).join(" "),
  );
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

Deno.test("the generator's phrasing shares no sentence with the hand-written evaluation set", async () => {
  // Disclaimers are boilerplate that every company copies word for word: left out.
  const threads = [enThreads, frThreads].map(({ disclaimers: _, ...frames }) => frames);
  const tables = [enIntents, frIntents, enImpact, frImpact, threads, enFrames, frFrames];
  const generated = new Set(strings(tables).flatMap(sequences));
  const file = new URL("../../../eval/handwritten_tickets.jsonl", import.meta.url);
  const tickets = (await Deno.readTextFile(file)).split("\n").filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; subject: string; body: string });
  assert.ok(tickets.length >= 200);
  const shared = tickets.flatMap(({ id, subject, body }) =>
    [...sequences(subject), ...sequences(body)].filter((s) => generated.has(s)).map((s) =>
      `${id}: ${s}`
    )
  );
  // A few common phrases meet by chance; a copied sentence brings its every run of words.
  assert.ok(shared.length <= 5, shared.join("\n"));
  assert.ok(new Set(shared.map((s) => s.split(":")[0])).size <= 3, shared.join("\n"));
});
