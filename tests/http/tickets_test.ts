import assert from "node:assert/strict";
import { upsertCustomers } from "../../src/db/repositories/customers.ts";
import { findPrediction } from "../../src/db/repositories/predictions.ts";
import { findTicket, upsertTicketFeatures } from "../../src/db/repositories/tickets.ts";
import { ticketFeatureVersion } from "../../src/models/ticket_triage/ticket_features.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson, testApp } from "../support/test_app.ts";

const workspace = await trainedWorkspace();

Deno.test("POST /v1/tickets stores, triages and suggests a reply in the ticket's language", async () => {
  const { app, database, flush, close } = await testApp(workspace);
  try {
    const response = await app.request(
      "/v1/tickets",
      postJson({
        subject: "Mot de passe expiré",
        body: "Bonjour, je ne peux plus me connecter à ma session depuis ce matin. Merci",
        channel: "email",
      }),
    );
    assert.equal(response.status, 201);
    const result = await response.json();
    assert.equal(result.language, "fr");
    assert.ok(result.triage.topic.label);
    assert.ok(result.suggested_reply.text.includes("Bonjour"));
    assert.equal(result.suggested_reply.source, "retrieval");
    assert.ok(result.suggested_reply.articles.length > 0);

    await flush();
    const logged = await findPrediction(database.db, result.prediction_id);
    assert.equal(logged?.ticketId, result.ticket_id);

    const stored = await (await app.request(`/v1/tickets/${result.ticket_id}`)).json();
    assert.equal(stored.subject, "Mot de passe expiré");
    assert.equal(stored.latest_triage.prediction_id, result.prediction_id);
    assert.equal(stored.latest_triage.outputs.topic.label, result.triage.topic.label);

    const again = await app.request(`/v1/tickets/${result.ticket_id}/triage`, { method: "POST" });
    assert.equal(again.status, 200);
    const retriaged = await again.json();
    assert.notEqual(retriaged.prediction_id, result.prediction_id);
    assert.deepEqual(retriaged.triage, result.triage);
  } finally {
    await close();
  }
});

Deno.test("a terse ticket is answered in its language: accents and function words decide", async () => {
  const { app, database, close } = await testApp(workspace);
  try {
    for (
      const [ticket, language, greeting] of [
        [{ subject: "Imprimante bloquée", body: "Bourrage papier au 3e étage" }, "fr", "Bonjour"],
        [{ subject: "Printer jammed", body: "Paper jam on the 3rd floor" }, "en", "Hello"],
      ] as const
    ) {
      const response = await app.request("/v1/tickets", postJson(ticket));
      assert.equal(response.status, 201);
      const result = await response.json();
      assert.equal(result.language, language, ticket.subject);
      assert.ok(result.suggested_reply.text.startsWith(greeting), result.suggested_reply.text);

      // Features stored by an older text pipeline (version 1 took every terse ticket for
      // English) are computed afresh when the ticket is triaged again.
      const stored = (await findTicket(database.db, result.ticket_id))!.features!;
      await upsertTicketFeatures(database.db, [{ ...stored, language: "en", featureVersion: "1" }]);
      const again = await app.request(`/v1/tickets/${result.ticket_id}/triage`, { method: "POST" });
      assert.equal((await again.json()).language, language, ticket.subject);
      const refreshed = (await findTicket(database.db, result.ticket_id))!.features!;
      assert.equal(refreshed.featureVersion, ticketFeatureVersion);
      assert.equal(refreshed.language, language);
    }
  } finally {
    await close();
  }
});

Deno.test("unknown or malformed ticket ids are 404 and 422; so is text Postgres cannot store", async () => {
  const { app, close } = await testApp(workspace);
  try {
    assert.equal((await app.request(`/v1/tickets/${crypto.randomUUID()}`)).status, 404);
    assert.equal(
      (await app.request(`/v1/tickets/${crypto.randomUUID()}/triage`, { method: "POST" })).status,
      404,
    );
    assert.equal((await app.request("/v1/tickets/not-a-uuid")).status, 422);
    const invalid = await app.request("/v1/tickets", postJson({ subject: "x", channel: "fax" }));
    assert.equal(invalid.status, 422);
    const fields = (await invalid.json()).error.details.fields.map((f: { path: string }) => f.path);
    assert.deepEqual(fields.sort(), ["body", "channel"]);
    // U+0000, which Postgres cannot store, and a lone surrogate, which is not Unicode, are
    // refused up front: a 422, never a failed write or a silently altered text.
    const refusals: [string, string][] = [
      ['{"subject":"VPN\\u0000","body":"down"}', "must not contain the NUL character (U+0000)"],
      [
        '{"subject":"VPN \\ud800","body":"down"}',
        "must be valid Unicode (a lone UTF-16 surrogate is not)",
      ],
    ];
    for (const [body, message] of refusals) {
      for (const path of ["/v1/tickets", "/v1/models/ticket-triage/predict"]) {
        const refused = await app.request(path, postJson(body));
        assert.equal(refused.status, 422, `${path} ${body}`);
        const { details } = (await refused.json()).error;
        assert.deepEqual(details.fields, [{ path: "subject", message }]);
      }
    }
    assert.equal((await app.request("/v1/customers/C%00/churn", { method: "POST" })).status, 422);
  } finally {
    await close();
  }
});

Deno.test("churn by customer id reads stored features; feedback attaches ground truth", async () => {
  const { app, database, flush, close } = await testApp(workspace);
  try {
    await upsertCustomers(database.db, [{
      id: "C900001",
      tenure: 3,
      monthlyCharges: 99.9,
      totalCharges: 299.7,
      contractType: "Month-to-month",
      paymentMethod: "Electronic check",
      complaints: 4,
    }]);
    const response = await app.request("/v1/customers/C900001/churn", { method: "POST" });
    assert.equal(response.status, 200);
    const churn = await response.json();
    assert.equal(churn.customer_id, "C900001");
    assert.deepEqual(churn.features, {
      tenure: 3,
      monthly_charges: 99.9,
      total_charges: 299.7,
      contract_type: "Month-to-month",
      payment_method: "Electronic check",
      complaints: 4,
    });
    assert.equal((await app.request("/v1/customers/C404/churn", { method: "POST" })).status, 404);

    await flush();
    const feedback = await app.request(
      "/v1/feedback",
      postJson({ prediction_id: churn.prediction_id, label: 1 }),
    );
    assert.equal(feedback.status, 201);
    assert.deepEqual(
      { ...(await feedback.json()), feedback_id: undefined },
      { feedback_id: undefined, prediction_id: churn.prediction_id, head: "churn", label: "1" },
    );
    const badLabel = await app.request(
      "/v1/feedback",
      postJson({ prediction_id: churn.prediction_id, label: "maybe" }),
    );
    assert.equal(badLabel.status, 422);
    assert.deepEqual((await badLabel.json()).error.details.fields, [
      { path: "label", message: 'must be one of 0, 1 for head "churn"' },
    ]);
    const badHead = await app.request(
      "/v1/feedback",
      postJson({ prediction_id: churn.prediction_id, head: "topic", label: 1 }),
    );
    assert.equal(badHead.status, 422);
    assert.deepEqual((await badHead.json()).error.details.fields, [
      { path: "head", message: "must be one of churn" },
    ]);
    const unknown = await app.request(
      "/v1/feedback",
      postJson({ prediction_id: crypto.randomUUID(), label: 1 }),
    );
    assert.equal(unknown.status, 404);
  } finally {
    await close();
  }
});

Deno.test("with the database gone, data routes answer 503, never 500", async () => {
  const { app, database, close } = await testApp(workspace);
  await database.close();
  try {
    const id = "5981f6bd-c985-4d52-b605-d687b0612bcc";
    const requests: [string, string, RequestInit | undefined][] = [
      ["/v1/tickets", "/v1/tickets", postJson({ subject: "VPN", body: "down" })],
      ["/v1/tickets/{id}", `/v1/tickets/${id}`, undefined],
      ["/v1/customers/{id}/churn", "/v1/customers/C000001/churn", { method: "POST" }],
      ["/v1/feedback", "/v1/feedback", postJson({ prediction_id: id, label: 1 })],
    ];
    const document = await (await app.request("/openapi.json")).json();
    for (const [route, path, init] of requests) {
      const response = await app.request(path, init);
      assert.equal(response.status, 503, path);
      assert.equal((await response.json()).error.code, "database_unavailable");
      // ... as the OpenAPI document says (a case the contract test cannot reach).
      const method = (init?.method ?? "GET").toLowerCase();
      const documented = document.paths[route][method].responses["503"].content["application/json"];
      assert.ok("database_unavailable" in documented.examples, `${route} documents it`);
    }
  } finally {
    await close().catch(() => {});
  }
});
