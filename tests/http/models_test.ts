import assert from "node:assert/strict";
import type { ErrorBody } from "../../src/http/error_schema.ts";
import { dirHashOfPath } from "../../src/dvc/md5.ts";
import { versionDir } from "../../src/ml/version_files.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson, testApp } from "../support/test_app.ts";

const workspace = await trainedWorkspace();
const seedPayload =
  '{"tenure":12,"monthly_charges":65.5,"total_charges":786.0,"contract_type":"Month-to-month","payment_method":"Electronic check"}';
const ticket = {
  subject: "VPN down for the whole finance team",
  body: "Since 9am nobody in finance can connect to the VPN. Payroll is due today.",
  channel: "email",
};

Deno.test("models are listed with their versions, metrics and classes", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const { models } = await (await app.request("/v1/models")).json();
    assert.deepEqual(models.map((m: { name: string }) => m.name).sort(), [
      "churn",
      "ticket-triage",
    ]);
    const churn = await (await app.request("/v1/models/churn")).json();
    assert.equal(churn.version, workspace.versions.churn);
    assert.deepEqual(churn.classes, { churn: ["0", "1"] });
    assert.ok(churn.metrics.churn.roc_auc > 0.5);
    assert.equal(typeof churn.threshold, "number");
    // The hash `dvc add` gives the version's folder (dirHashOfPath is held to the CLI's).
    for (const { name, version, model_hash } of models) {
      assert.equal(model_hash, await dirHashOfPath(versionDir(workspace.root, name, version)));
    }
    // Names of Object's own members ("constructor", "toString") are no models either.
    for (const name of ["nope", "constructor", "toString", "__proto__"]) {
      for (const path of [`/v1/models/${name}`, `/v2/models/${name}`, `/v2/models/${name}/ready`]) {
        const unknown = await app.request(path);
        assert.equal(unknown.status, 404, path);
        const { error } = await unknown.json();
        // `/v2` answers in the protocol's shape, `{ "error": "<message>" }`.
        if (path.startsWith("/v2")) assert.equal(error, `Unknown model "${name}"`, path);
        else assert.equal(error.code, "not_found", path);
      }
    }
  } finally {
    await close();
  }
});

Deno.test("the seed's churn payload is accepted verbatim and its trace logged", async () => {
  const { app, logged, close } = await testApp(workspace);
  try {
    const response = await app.request("/v1/models/churn/predict", postJson(seedPayload));
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.ok(body.prediction === 0 || body.prediction === 1);
    assert.equal(body.prediction, body.probability >= body.threshold ? 1 : 0);
    assert.equal(body.version, workspace.versions.churn);
    assert.equal(logged.length, 1);
    assert.equal(logged[0].request.id, body.prediction_id);
    assert.deepEqual(logged[0].request.input, JSON.parse(seedPayload));
    assert.equal(logged[0].request.requestId, response.headers.get("x-request-id"));
    assert.equal(logged[0].outputs[0].role, "champion");
  } finally {
    await close();
  }
});

Deno.test("a ticket batch returns one prediction id per instance and both heads", async () => {
  const { app, logged, close } = await testApp(workspace);
  try {
    const french = {
      subject: "Imprimante bloquée",
      body: "Bonjour, l'imprimante du 2e étage affiche une erreur.",
    };
    const response = await app.request(
      "/v1/models/ticket-triage/predict",
      postJson({ instances: [ticket, french] }),
    );
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.predictions.length, 2);
    for (const prediction of body.predictions) {
      assert.ok(prediction.prediction_id);
      const total = Object.values(prediction.topic.scores as Record<string, number>)
        .reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(total - 1) < 1e-4);
      assert.equal(
        prediction.urgency.confidence,
        Math.max(...Object.values(prediction.urgency.scores as Record<string, number>)),
      );
    }
    assert.deepEqual(
      logged.map((e) => e.request.id),
      body.predictions.map((p: { prediction_id: string }) => p.prediction_id),
    );
  } finally {
    await close();
  }
});

Deno.test("invalid input is a 422 naming each bad field", async () => {
  const { app, close } = await testApp(workspace, { MAX_BATCH_SIZE: "2" });
  try {
    const cases: [string, unknown, string[]][] = [
      ["churn", { ...JSON.parse(seedPayload), tenure: -1, contract_type: "Weekly" }, [
        "tenure",
        "contract_type",
      ]],
      ["churn", { tenure: 12 }, [
        "monthly_charges",
        "total_charges",
        "contract_type",
        "payment_method",
      ]],
      ["ticket-triage", { subject: "", body: "x" }, ["subject"]],
      ["ticket-triage", { subject: " \u200b\u2060 ", body: "\ufeff" }, ["subject", "body"]],
      ["ticket-triage", { instances: [ticket, { subject: "a" }] }, ["instances.1.body"]],
      ["ticket-triage", { instances: [ticket, ticket, ticket] }, ["instances"]],
    ];
    for (const [model, body, fields] of cases) {
      const response = await app.request(`/v1/models/${model}/predict`, postJson(body));
      assert.equal(response.status, 422, JSON.stringify(body));
      const error = (await response.json()).error;
      assert.equal(error.code, "invalid_input");
      assert.deepEqual(
        error.details.fields.map((f: { path: string }) => f.path).sort(),
        fields.sort(),
      );
    }
    const malformed = await app.request("/v1/models/churn/predict", postJson("{not json"));
    assert.equal(malformed.status, 400);
    assert.equal((await malformed.json()).error.code, "bad_request");
  } finally {
    await close();
  }
});

Deno.test("unknown models are 404; oversized bodies 413 and untyped ones 415 on every route with a body (/v2 reads them as JSON)", async () => {
  const { app, close } = await testApp(workspace, { MAX_BODY_BYTES: "1024" });
  try {
    const unknown = await app.request("/v1/models/nope/predict", postJson(ticket));
    assert.equal(unknown.status, 404);
    assert.match((await unknown.json()).error.message, /Unknown model "nope"/);
    // Every route that takes a body: its content-length declared, not declared, or chunked.
    const bodyRoutes = [
      "/v1/models/ticket-triage/predict",
      "/v1/models/churn/predict",
      "/v1/tickets",
      "/v1/feedback",
      "/predict",
      "/predict_raw",
      "/v2/models/ticket-triage/infer",
      "/v2/models/churn/versions/any/infer",
    ];
    const v2 = (path: string) => path.startsWith("/v2");
    const oversized = JSON.stringify({ ...ticket, body: "x".repeat(5000) });
    for (const path of bodyRoutes) {
      for (const sent of ["declared", "undeclared", "chunked"]) {
        const body = sent === "chunked"
          ? ReadableStream.from([new TextEncoder().encode(oversized)])
          : oversized;
        const length: Record<string, string> = sent === "declared"
          ? { "content-length": String(oversized.length) }
          : {};
        const huge = await app.request(path, {
          method: "POST",
          headers: { "content-type": "application/json", ...length },
          body,
        });
        assert.equal(huge.status, 413, `${path} (${sent})`);
        const { error } = await huge.json();
        if (v2(path)) assert.equal(error, "Body larger than 1024 bytes");
        else assert.equal(error.code, "payload_too_large");
      }
      // A JSON body sent as a form, as `curl -d` does unless told otherwise, or untyped: a 415,
      // but on /v2, whose clients send no content type, read as JSON (`{}` lacks inputs).
      for (const type of ["application/x-www-form-urlencoded", undefined]) {
        const headers: Record<string, string> = type ? { "content-type": type } : {};
        const untyped = await app.request(path, { method: "POST", headers, body: "{}" });
        assert.equal(untyped.status, v2(path) ? 400 : 415, `${path} (${type})`);
        const { error } = await untyped.json();
        if (v2(path)) assert.match(error, /^Request is invalid: inputs: /);
        else assert.equal(error.code, "unsupported_media_type");
      }
    }
  } finally {
    await close();
  }
});

Deno.test("API keys guard /v1 and /v2; admin keys guard /admin", async () => {
  const { app, close } = await testApp(workspace, {
    API_KEYS: "client-key",
    ADMIN_API_KEYS: "ops-key",
  });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  try {
    for (const headers of [{}, bearer("wrong")]) {
      const refused = await app.request("/v1/models", { headers });
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get("www-authenticate"), 'Bearer realm="edge-inference"');
    }
    assert.equal((await app.request("/v1/models", { headers: bearer("client-key") })).status, 200);
    for (const probe of ["/health", "/v2/health/live", "/v2/health/ready"]) {
      assert.equal((await app.request(probe)).status, 200, probe);
    }
    assert.equal((await app.request("/v2")).status, 401);
    assert.equal((await app.request("/v2", { headers: bearer("client-key") })).status, 200);
    const predict = await app.request(
      "/v1/models/churn/predict",
      postJson(seedPayload, bearer("client-key")),
    );
    assert.equal(predict.status, 200);
    assert.equal((await app.request("/admin/reload", { method: "POST" })).status, 401);
    assert.equal(
      (await app.request("/admin/reload", { method: "POST", headers: bearer("client-key") }))
        .status,
      403,
    );
    const reload = await app.request("/admin/reload", {
      method: "POST",
      headers: bearer("ops-key"),
    });
    assert.equal(reload.status, 200);
    assert.deepEqual((await reload.json()).swapped, []);
    // Refusals count under the route asked for, not under the middleware that answered.
    const metrics = await (await app.request("/metrics")).text();
    for (
      const [method, route, status, count] of [
        ["GET", "/v1/models", "401", 2],
        ["GET", "/v1/models", "200", 1],
        ["POST", "/admin/reload", "403", 1],
      ]
    ) {
      assert.ok(
        metrics.includes(
          `http_requests_total{method="${method}",route="${route}",status="${status}"} ${count}`,
        ),
        `${method} ${route} ${status}`,
      );
    }
  } finally {
    await close();
  }
});

Deno.test("random JSON thrown at every route never gets a 500", async () => {
  const { app, close } = await testApp(workspace);
  let state = 12345;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const value = (depth: number): unknown => {
    const pick = Math.floor(random() * (depth > 2 ? 5 : 8));
    const keys = [
      "subject",
      "body",
      "channel",
      "tenure",
      "monthly_charges",
      "instances",
      "contract_type",
      "comment",
      "inputs",
      "x",
    ];
    // Accents, control characters and U+0000 (which Postgres cannot store) among the text.
    const text = () =>
      ["é", "\u0000", "\u0007", " ", "a"][Math.floor(random() * 5)].repeat(
        Math.floor(random() * 5),
      ) + String(random());
    return [
      () => null,
      () => random() * 2e6 - 1e6,
      text,
      () => random() > 0.5,
      () => Math.floor(random() * 100) - 50,
      () => Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1)),
      () => Object.fromEntries(keys.filter(() => random() > 0.5).map((k) => [k, value(depth + 1)])),
      () => ({ instances: [value(depth + 1)] }),
    ][pick]();
  };
  try {
    const paths = [
      "/v1/models/churn/predict",
      "/v1/models/ticket-triage/predict",
      "/v1/tickets",
      "/v1/feedback",
      "/v2/models/ticket-triage/infer",
      "/admin/reload",
      "/v1/customers/{id}/churn",
    ];
    // Half the bodies are a valid one with one field replaced, to get past the first checks.
    const valid: Record<string, object> = {
      "/v1/models/churn/predict": JSON.parse(seedPayload),
      "/v1/models/ticket-triage/predict": ticket,
      "/v1/tickets": ticket,
      "/v1/feedback": {
        prediction_id: "5981f6bd-c985-4d52-b605-d687b0612bcc",
        label: "network",
        comment: "ok",
      },
    };
    for (let i = 0; i < 700; i++) {
      const id = encodeURIComponent(["\u0000", "C1", "é"][i % 3] + String(random()));
      const route = paths[i % paths.length];
      const path = route.replace("{id}", id);
      const base = valid[route];
      const field = base && Object.keys(base)[Math.floor(random() * Object.keys(base).length)];
      const body = base && random() < 0.5 ? { ...base, [field]: value(1) } : value(0);
      const response = await app.request(path, postJson(body));
      assert.ok(response.status < 500, `${path} answered ${response.status}`);
      await response.body?.cancel();
    }
  } finally {
    await close();
  }
});

Deno.test("GET /metrics exposes requests, predictions per class and model load state", async () => {
  const { app, close } = await testApp(workspace);
  try {
    await app.request("/v1/models/churn/predict", postJson(seedPayload));
    await app.request("/v1/models/churn/predict", postJson({ tenure: -1 }));
    const response = await app.request("/metrics");
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(
      text,
      /http_requests_total\{method="POST",route="\/v1\/models\/churn\/predict",status="200"\} 1/,
    );
    assert.match(
      text,
      /http_requests_total\{method="POST",route="\/v1\/models\/churn\/predict",status="422"\} 1/,
    );
    assert.match(
      text,
      new RegExp(
        `predictions_total\\{model="churn",version="${workspace.versions.churn}",role="champion",head="churn",label="[01]"\\} 1`,
      ),
    );
    assert.match(
      text,
      new RegExp(
        `model_loaded\\{model="ticket-triage",version="${
          workspace.versions["ticket-triage"]
        }",role="champion"\\} 1`,
      ),
    );
    assert.match(text, /model_load_problem\{model="churn",role="champion"\} 0/);
    assert.match(text, /prediction_log_queue_depth 0/);
    assert.match(text, /http_request_duration_seconds_bucket/);
  } finally {
    await close();
  }
});

Deno.test("the OpenAPI document covers every route with examples for every error", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const document = await (await app.request("/openapi.json")).json();
    const paths = Object.keys(document.paths);
    for (
      const path of [
        "/v1/models/churn/predict",
        "/v1/models/ticket-triage/predict",
        "/v2/models/{name}/infer",
        "/v1/tickets",
        "/v1/tickets/{id}/triage",
        "/v1/customers/{id}/churn",
        "/v1/feedback",
        "/admin/reload",
      ]
    ) assert.ok(paths.includes(path), path);
    const documented = new Map<string, (string | undefined)[]>();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (
        const operation of Object.values(
          operations as Record<
            string,
            {
              responses: Record<
                string,
                {
                  content?: Record<string, {
                    example?: ErrorBody | { error: string };
                    examples?: Record<string, { value: ErrorBody | { error: string } }>;
                  }>;
                }
              >;
            }
          >,
        )
      ) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const media = response.content?.["application/json"];
          // `/v2` documents the protocol's `{ "error": "<message>" }`: the message stands in.
          const codeOf = (body?: ErrorBody | { error: string }) =>
            typeof body?.error === "string" ? body.error : body?.error.code;
          const codes = media?.examples
            ? Object.values(media.examples).map((e) => codeOf(e.value))
            : [codeOf(media?.example)];
          assert.ok(codes.every(Boolean), `${path} ${status} has an example`);
          documented.set(`${path} ${status}`, codes);
        }
      }
    }
    // A 503 that can carry several codes documents each.
    assert.deepEqual(documented.get("/v1/feedback 503"), [
      "database_unavailable",
      "prediction_log_pending",
    ]);
    assert.deepEqual(documented.get("/v1/models/churn/predict 503"), ["model_not_ready"]);
    // Every route with a body lists what the body parser and the body limit answer.
    for (const path of ["/v1/feedback", "/v1/tickets", "/predict", "/predict_raw"]) {
      assert.deepEqual(documented.get(`${path} 400`), ["bad_request"], path);
      assert.deepEqual(documented.get(`${path} 413`), ["payload_too_large"], path);
      assert.deepEqual(documented.get(`${path} 415`), ["unsupported_media_type"], path);
    }
    // `/v2` reads any body as JSON (no 415) and answers its own way.
    assert.match(documented.get("/v2/models/{name}/infer 400")![0]!, /^Request is invalid: /);
    assert.deepEqual(documented.get("/v2/models/{name}/infer 413"), [
      "Body larger than 1048576 bytes",
    ]);
    assert.equal(documented.get("/v2/models/{name}/infer 415"), undefined);
    assert.ok(document.components.schemas.ChurnInput.example);
    const docs = await app.request("/docs");
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /openapi\.json/);
    const script = await app.request("/docs/scalar.js");
    assert.equal(script.status, 200);
    assert.ok((await script.arrayBuffer()).byteLength > 100_000);
  } finally {
    await close();
  }
});

Deno.test("CORS answers only the configured origins", async () => {
  const { app, close } = await testApp(workspace, { CORS_ORIGINS: "https://helpdesk.example.com" });
  const preflight = (origin: string) =>
    app.request("/v1/models/churn/predict", {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST" },
    });
  try {
    const allowed = await preflight("https://helpdesk.example.com");
    assert.equal(
      allowed.headers.get("access-control-allow-origin"),
      "https://helpdesk.example.com",
    );
    const answer = await app.request("/v1/models", {
      headers: { origin: "https://helpdesk.example.com" },
    });
    assert.equal(answer.headers.get("access-control-expose-headers"), "X-Request-Id");
    assert.ok(answer.headers.get("x-request-id"));
    const other = await preflight("https://evil.example.com");
    assert.equal(other.headers.get("access-control-allow-origin"), null);
  } finally {
    await close();
  }
});
