/**
 * Training leaves the monitoring reference in each version: the statistics of the test
 * split's monitoring columns (the same columns the monitor builds from logged predictions).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { referenceStatsFileName, versionDir } from "../../src/ml/version_files.ts";
import { catalogEntry } from "../../src/models/catalog.ts";
import { statsFromJson } from "../../src/monitor/mod.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const workspace = await trainedWorkspace();

async function stats(name: string) {
  const dir = versionDir(workspace.root, name, workspace.versions[name]);
  const card = JSON.parse(await readFile(join(dir, "card.json"), "utf8"));
  const text = await readFile(join(dir, referenceStatsFileName), "utf8");
  return { card, stats: statsFromJson(JSON.parse(text), referenceStatsFileName) };
}

Deno.test("ticket-triage's reference: text descriptors, channel and both heads' answers", async () => {
  const { card, stats: reference } = await stats("ticket-triage");
  assert.equal(reference.rows, card.split.test);
  assert.deepEqual(reference.names, [
    "subject.length",
    "subject.language",
    "subject.oov_share",
    "body.length",
    "body.language",
    "body.oov_share",
    "channel",
    "prediction_topic",
    "confidence_topic",
    "prediction_urgency",
    "confidence_urgency",
  ]);
  assert.ok(reference.vocabulary && reference.vocabulary.length > 0, "the model's words kept");
  assert.ok(reference.vocabulary.every((word) => !word.includes(" ")), "unigrams only");
});

Deno.test("churn's reference: every input field, the predicted class and its confidence", async () => {
  const { card, stats: reference } = await stats("churn");
  assert.equal(reference.rows, card.split.test);
  const { mapping } = catalogEntry("churn").monitoring;
  assert.deepEqual(
    [...reference.names].sort(),
    [...mapping.numerical_features, ...mapping.categorical_features].sort(),
  );
});

Deno.test("the monitoring columns of a logged input tolerate missing and mistyped fields", () => {
  const { columns } = catalogEntry("ticket-triage").monitoring;
  const row = columns({ subject: 3 }, { topic: { label: "network", confidence: 0.9 } });
  assert.deepEqual(row, {
    subject: null,
    body: null,
    channel: "none",
    prediction_topic: "network",
    confidence_topic: 0.9,
  });
});
