/**
 * The replaced services' clients, unchanged: every example request of the seed documents
 * (`../shared/seeds/`) sent verbatim over HTTP on loopback to a server on real Postgres, the
 * DB-first one traced in `prediction_requests` / `prediction_outputs`; their errors; and the
 * routes turned off by `SEED_COMPAT_ROUTES=false`.
 */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { generate } from "../../src/pipeline/generate.ts";
import { openScratchPostgres } from "../support/postgres.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson, type TestApp, testApp } from "../support/test_app.ts";

/** The customer of the seeds' own curl example. */
const seedCustomer = {
  tenure: 12,
  monthly_charges: 65.5,
  total_charges: 786.0,
  contract_type: "Month-to-month",
  payment_method: "Electronic check",
};

const workspace = await trainedWorkspace();

/** The app on loopback: `fetch` a path of it. */
async function served<T>(
  env: Record<string, string>,
  run: (request: (path: string, init?: RequestInit) => Promise<Response>, app: TestApp) => T,
  openDb?: Parameters<typeof testApp>[3],
): Promise<Awaited<T>> {
  const app = await testApp(workspace, env, undefined, openDb);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.app.fetch);
  try {
    const base = `http://127.0.0.1:${server.addr.port}`;
    return await run((path, init) => fetch(`${base}${path}`, init), app);
  } finally {
    await server.shutdown();
    await app.close();
  }
}

const isProbability = (value: unknown) => typeof value === "number" && value >= 0 && value <= 1;

/** The seeds' answer: `prediction`, `confidence`, the probability, and the trace. */
function assertSeedAnswer(body: Record<string, unknown>) {
  assert.ok(body.prediction === 0 || body.prediction === 1, JSON.stringify(body));
  assert.ok(isProbability(body.confidence) && isProbability(body.probability));
  assert.match(String(body.prediction_id), /^[0-9a-f-]{36}$/);
  assert.equal(body.model, "churn");
  assert.equal(body.version, workspace.versions.churn);
}

Deno.test("every seed document's example request gets its documented answer", async () => {
  await served({}, async (request, { flush, database }) => {
    // 000: `GET /` (health check) and its `POST /predict` example.
    const root = await request("/");
    assert.equal(root.status, 200);
    assert.deepEqual(await root.json(), {
      status: "ok",
      model: "churn",
      version: workspace.versions.churn,
      docs: "/docs",
    });
    const first = await request(
      "/predict",
      postJson('{\n  "age": 43,\n  "income": 35000,\n  "tenure": 5\n}'),
    );
    assert.equal(first.status, 200);
    const firstBody = await first.json();
    assertSeedAnswer(firstBody);
    assert.deepEqual(firstBody.imputed, [
      "monthly_charges",
      "total_charges",
      "complaints",
      "usage_minutes",
      "contract_type",
      "payment_method",
    ]);

    // 001: its curl example verbatim, then `GET /model-info`.
    const registry = await request("/predict", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: `{
    "tenure": 12,
    "monthly_charges": 65.5,
    "total_charges": 786.0,
    "contract_type": "Month-to-month",
    "payment_method": "Electronic check"
  }`,
    });
    assert.equal(registry.status, 200);
    const registryBody = await registry.json();
    assertSeedAnswer(registryBody);
    assert.deepEqual(registryBody.imputed, ["complaints", "usage_minutes", "age", "income"]);
    const info = await (await request("/model-info")).json();
    assert.equal(info.model, "churn");
    assert.equal(info.version, workspace.versions.churn);
    for (const metric of ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"]) {
      assert.ok(Number.isFinite(info.metrics[metric]), metric);
    }
    assert.deepEqual(info.partial_inputs.map((p: { fields: string[] }) => p.fields), [
      ["age", "income", "tenure"],
    ]);
    assert.ok(isProbability(info.threshold));
    assert.ok(!Number.isNaN(Date.parse(info.trained_at)));

    // 002 and 003: `/health`, `/predict_raw`, `/docs`, and the DB-first `/predict`.
    assert.equal((await request("/health")).status, 200);
    assert.equal((await request("/docs")).status, 200);
    const raw = await request(
      "/predict_raw",
      postJson(seedCustomer),
    );
    assert.equal(raw.status, 200);
    const rawBody = await raw.json();
    assertSeedAnswer(rawBody);
    assert.equal(rawBody.probability, registryBody.probability);

    const stored = await request("/predict", postJson({ client_id: "C000042" }));
    assert.equal(stored.status, 200);
    const storedBody = await stored.json();
    assertSeedAnswer(storedBody);
    assert.equal(storedBody.client_id, "C000042");
    // The seed's own verification queries, verbatim.
    await flush();
    type Row = Record<string, unknown>;
    const requests = await database.queryRows<Row>(
      sql.raw("SELECT * FROM prediction_requests ORDER BY created_at DESC LIMIT 3;"),
    );
    const outputs = await database.queryRows<Row>(
      sql.raw("SELECT * FROM prediction_outputs ORDER BY created_at DESC LIMIT 3;"),
    );
    const traced = requests.find((row) => row.id === storedBody.prediction_id);
    assert.ok(traced, JSON.stringify(requests));
    assert.equal(traced.customer_id, "C000042");
    assert.equal(traced.model_version, workspace.versions.churn);
    const output = outputs.find((row) => row.prediction_id === storedBody.prediction_id);
    assert.ok(output, JSON.stringify(outputs));
  }, async () => {
    const database = await openScratchPostgres();
    await database.migrate();
    await generate(database.db, { tickets: 0, customers: 60, seed: 3, drifted: false });
    return database;
  });
});

Deno.test("seed routes refuse what no seed sends, naming the shapes or the field", async () => {
  await served({}, async (request) => {
    const refused = async (path: string, body: unknown, status: number) => {
      const response = await request(path, postJson(body));
      assert.equal(response.status, status, `${path} ${JSON.stringify(body)}`);
      return (await response.json()).error;
    };
    for (const path of ["/predict", "/predict_raw"]) {
      const none = await refused(path, { foo: 1 }, 422);
      assert.match(none.message, /\{ age, income, tenure \}/);
      assert.match(none.message, /\{ tenure, monthly_charges, total_charges, contract_type,/);
      assert.equal(/client_id/.test(none.message), path === "/predict");
      const age = await refused(path, { age: "43", income: 35000, tenure: 5 }, 422);
      assert.deepEqual(age.details.fields.map((f: { path: string }) => f.path), ["age"]);
      const contract = await refused(path, { ...seedCustomer, contract_type: "Weekly" }, 422);
      assert.deepEqual(contract.details.fields.map((f: { path: string }) => f.path), [
        "contract_type",
      ]);
      assert.equal((await refused(path, [1, 2], 422)).code, "invalid_input");
    }
    const id = await refused("/predict", { client_id: true }, 422);
    assert.deepEqual(id.details.fields.map((f: { path: string }) => f.path), ["client_id"]);
    const unknown = await refused("/predict", { client_id: "C999999" }, 404);
    assert.equal(unknown.message, 'Unknown customer "C999999"');
    assert.equal((await refused("/predict", "{", 400)).code, "bad_request");
  });
});

Deno.test("with SEED_COMPAT_ROUTES=false the root routes are gone and /v1 is unchanged", async () => {
  await served({ SEED_COMPAT_ROUTES: "false" }, async (request) => {
    for (
      const [path, init] of [
        ["/", undefined],
        ["/model-info", undefined],
        ["/predict", postJson({ age: 43, income: 35000, tenure: 5 })],
        ["/predict_raw", postJson({ age: 43, income: 35000, tenure: 5 })],
      ] as const
    ) {
      const response = await request(path, init);
      assert.equal(response.status, 404, path);
      assert.equal((await response.json()).error.code, "not_found");
    }
    const v1 = await request(
      "/v1/models/churn/predict",
      postJson(seedCustomer),
    );
    assert.equal(v1.status, 200);
    assert.deepEqual(Object.keys(await v1.json()).sort(), [
      "confidence",
      "model",
      "prediction",
      "prediction_id",
      "probability",
      "threshold",
      "version",
    ]);
    const document = await (await request("/openapi.json")).json();
    assert.equal(document.paths["/predict"], undefined);
  });
});

Deno.test("with API keys the seed routes that score need one; the root stays a status page", async () => {
  await served({ API_KEYS: "k1" }, async (request) => {
    assert.equal((await request("/")).status, 200);
    const body = { age: 43, income: 35000, tenure: 5 };
    assert.equal((await request("/predict", postJson(body))).status, 401);
    assert.equal((await request("/model-info")).status, 401);
    const keyed = await request("/predict", postJson(body, { authorization: "Bearer k1" }));
    assert.equal(keyed.status, 200);
  });
});
