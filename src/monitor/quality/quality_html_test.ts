import assert from "node:assert/strict";
import { accuracyBreaches } from "./accuracy_breaches.ts";
import { renderQualityHtml } from "./quality_html.ts";
import { WindowAccumulator } from "./window_accumulator.ts";
import { qualityReport } from "./window_quality.ts";

const window = {
  modelName: "ticket-triage",
  modelVersion: "v7",
  start: new Date("2024-06-01T00:00:00Z"),
  end: new Date("2024-06-02T00:00:00Z"),
};
const heads = [
  { name: "topic", classes: ["network", "<b>email</b>"] },
  { name: "urgency", classes: ["low", "high"] },
];

function report() {
  const accumulator = new WindowAccumulator(heads);
  const row = (id: string, truth: string, predicted: string) => ({
    predictionId: id,
    head: "topic",
    truth,
    predicted,
    scores: { network: 0.8, "<b>email</b>": 0.2 },
  });
  accumulator.addPage([
    row("secret-prediction-1", "network", "network"),
    row("secret-prediction-2", "<b>email</b>", "network"),
    row("secret-prediction-3", "<b>email</b>", "<b>email</b>"),
  ]);
  return qualityReport(window, accumulator, undefined);
}

Deno.test("the HTML page is self-contained, escaped and holds aggregates only", () => {
  const html = renderQualityHtml(report());
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<script|<link|https?:\/\/|src=/i);
  assert.doesNotMatch(html, /secret-prediction/);
  assert.doesNotMatch(html, /<b>email/);
  assert.match(html, /&lt;b&gt;email&lt;\/b&gt;/);
  assert.match(html, /<table class="heatmap">/);
  assert.match(html, /<svg role="img" aria-label="Per-class precision, recall and F1"/);
  // The head without feedback says so.
  assert.match(html, /Head “urgency”<\/h2><p class="empty">No feedback in this window/);
});

Deno.test("an empty window renders as unknown quality, not zero", () => {
  const html = renderQualityHtml(qualityReport(window, new WindowAccumulator(heads), undefined));
  assert.match(html, /quality is unknown, not zero/);
  assert.doesNotMatch(html, /<table class="heatmap"|<svg/);
});

Deno.test("accuracy below the threshold is a breach; a head without feedback never is", () => {
  const breaches = accuracyBreaches(report(), { minAccuracy: 0.9 });
  assert.equal(breaches.length, 1);
  assert.equal(breaches[0].head, "topic");
  assert.ok(Math.abs(breaches[0].accuracy - 2 / 3) < 1e-12);
  assert.equal(breaches[0].testAccuracy, null);
  assert.deepEqual(accuracyBreaches(report(), { minAccuracy: 0.5 }), []);
  assert.deepEqual(accuracyBreaches(report(), { minAccuracy: 0.9, minFeedback: 4 }), []);
});
