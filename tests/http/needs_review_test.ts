/**
 * Calibrated confidence and `needs_review`: every ticket-triage answer (predict, one or a
 * batch, and `/v1/tickets`) says whether a person should check it, by the thresholds the
 * version picked on validation for REVIEW_PRECISION; the OpenAPI document declares it.
 */
import assert from "node:assert/strict";
import { readMetrics, versionDir } from "../../src/ml/version_files.ts";
import { reviewThreshold } from "../../src/ml/metrics/calibration.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson, testApp } from "../support/test_app.ts";

const workspace = await trainedWorkspace();
const metrics = await readMetrics(
  versionDir(workspace.root, "ticket-triage", workspace.versions["ticket-triage"]),
);
const tickets = [
  { subject: "VPN down for the whole finance team", body: "Nobody can connect since 9am." },
  { subject: "Imprimante bloquée", body: "Bonjour, l'imprimante du 2e affiche une erreur." },
  { subject: "question", body: "how do i change my display name? no rush" },
  { subject: "help", body: "it does not work" },
];

type Head = { label: string; confidence: number };
const expected = (triage: { topic: Head; urgency: Head }, target: number) =>
  metrics.heads.some((head) => {
    const threshold = reviewThreshold(head.calibration!.review, target) ?? Infinity;
    return triage[head.head as "topic" | "urgency"].confidence < threshold;
  });

Deno.test("each multi-class head is calibrated on validation, with ECE before and after", () => {
  for (const head of metrics.heads) {
    const { temperature, ece, review } = head.calibration!;
    assert.ok(temperature > 0);
    assert.ok(ece.validation.after <= ece.validation.before + 1e-9, JSON.stringify(ece));
    assert.ok(review.length > 5 && review.every((p) => p.coverage > 0 && p.coverage <= 1));
  }
});

Deno.test("predict answers needs_review by the version's thresholds for REVIEW_PRECISION", async () => {
  for (const target of [0.6, 0.9, 0.99]) {
    const { app, close } = await testApp(workspace, { REVIEW_PRECISION: String(target) });
    try {
      const batch = await app.request(
        "/v1/models/ticket-triage/predict",
        postJson({ instances: tickets }),
      );
      assert.equal(batch.status, 200);
      for (const prediction of (await batch.json()).predictions) {
        assert.equal(prediction.needs_review, expected(prediction, target), String(target));
      }
      const one = await (await app.request(
        "/v1/models/ticket-triage/predict",
        postJson(tickets[0]),
      )).json();
      assert.equal(one.needs_review, expected(one, target));
    } finally {
      await close();
    }
  }
  // A stricter target never sends fewer answers to review.
  const flagged = async (target: number) => {
    const { app, close } = await testApp(workspace, { REVIEW_PRECISION: String(target) });
    try {
      const body = await (await app.request(
        "/v1/models/ticket-triage/predict",
        postJson({ instances: tickets }),
      )).json();
      return body.predictions.filter((p: { needs_review: boolean }) => p.needs_review).length;
    } finally {
      await close();
    }
  };
  assert.ok((await flagged(0.999)) >= (await flagged(0.5)));
});

Deno.test("POST /v1/tickets returns needs_review in its triage", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const response = await app.request("/v1/tickets", postJson(tickets[1]));
    assert.equal(response.status, 201);
    const { triage } = await response.json();
    assert.equal(typeof triage.needs_review, "boolean");
    assert.equal(triage.needs_review, expected(triage, 0.9));
  } finally {
    await close();
  }
});

Deno.test("the OpenAPI document declares needs_review on the triage", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const document = await (await app.request("/openapi.json")).json();
    const triage = document.components.schemas.TicketTriage;
    assert.equal(triage.properties.needs_review.type, "boolean");
    assert.match(triage.properties.needs_review.description, /REVIEW_PRECISION/);
  } finally {
    await close();
  }
});

Deno.test("a bad REVIEW_PRECISION is refused by the configuration", () => {
  return assert.rejects(() => testApp(workspace, { REVIEW_PRECISION: "1.5" }), /REVIEW_PRECISION/);
});
