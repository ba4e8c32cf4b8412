import assert from "node:assert/strict";
import denoConfig from "../../deno.json" with { type: "json" };
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson, testApp } from "../support/test_app.ts";

const workspace = await trainedWorkspace();

const churnTensors = (n: number) => [
  { name: "tenure", shape: [n], datatype: "INT32", data: Array(n).fill(12) },
  { name: "monthly_charges", shape: [n], datatype: "FP32", data: Array(n).fill(65.5) },
  { name: "total_charges", shape: [n], datatype: "FP32", data: Array(n).fill(786) },
  { name: "contract_type", shape: [n], datatype: "BYTES", data: Array(n).fill("Month-to-month") },
  {
    name: "payment_method",
    shape: [n],
    datatype: "BYTES",
    data: Array(n).fill("Electronic check"),
  },
];

Deno.test("V2 health and model metadata", async () => {
  const { app, close } = await testApp(workspace);
  try {
    assert.deepEqual(await (await app.request("/v2")).json(), {
      name: "edge-inference",
      version: denoConfig.version,
      extensions: ["binary_tensor_data"],
    });
    // The same version heads the OpenAPI document.
    const document = await (await app.request("/openapi.json")).json();
    assert.equal(document.info.version, denoConfig.version);
    assert.deepEqual(await (await app.request("/v2/health/live")).json(), { live: true });
    assert.deepEqual(await (await app.request("/v2/health/ready")).json(), { ready: true });
    const metadata = await (await app.request("/v2/models/ticket-triage")).json();
    assert.deepEqual(metadata.versions, [workspace.versions["ticket-triage"]]);
    assert.deepEqual(metadata.inputs.map((i: { name: string }) => i.name), [
      "subject",
      "body",
      "channel",
    ]);
    assert.deepEqual(metadata.outputs.map((o: { name: string }) => o.name), [
      "topic_label",
      "topic_probabilities",
      "urgency_label",
      "urgency_probabilities",
      "prediction_id",
    ]);
    const unknown = await app.request("/v2/models/nope");
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: 'Unknown model "nope"' });
  } finally {
    await close();
  }
});

Deno.test("V2 infer agrees with the V1 predict route", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const response = await app.request(
      "/v2/models/churn/infer",
      postJson({ id: "req-1", inputs: churnTensors(2) }),
    );
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.id, "req-1");
    assert.equal(body.model_version, workspace.versions.churn);
    const probabilities = body.outputs.find((o: { name: string }) =>
      o.name === "churn_probabilities"
    );
    assert.deepEqual(probabilities.shape, [2, 2]);
    const v1 = await (await app.request(
      "/v1/models/churn/predict",
      postJson({
        tenure: 12,
        monthly_charges: 65.5,
        total_charges: 786,
        contract_type: "Month-to-month",
        payment_method: "Electronic check",
      }),
    )).json();
    assert.equal(probabilities.data[1], v1.probability);
    const ids = body.outputs.find((o: { name: string }) => o.name === "prediction_id");
    assert.equal(ids.data.length, 2);
    // A request id is echoed whatever it is, the empty one included; none, none echoed.
    for (const id of ["", undefined]) {
      const echoed = await (await app.request(
        "/v2/models/churn/infer",
        postJson({ id, inputs: churnTensors(1) }),
      )).json();
      assert.equal(echoed.id, id);
      assert.equal("id" in echoed, id !== undefined);
    }
  } finally {
    await close();
  }
});

Deno.test("V2 infer rejects bad tensors with the protocol's 400, naming the field", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const ragged = churnTensors(2).map((t, i) =>
      i === 0 ? { ...t, shape: [3], data: [1, 2, 3] } : t
    );
    const cases: [unknown, string[]][] = [
      [{ inputs: ragged }, ["inputs.1.shape"]],
      [
        { inputs: churnTensors(1).map((t) => t.name === "tenure" ? { ...t, data: [-5] } : t) },
        ["instances.0.tenure"],
      ],
      [{ inputs: churnTensors(300) }, ["inputs"]],
      [{ inputs: [] }, ["inputs"]],
      [{ nothing: true }, ["inputs"]],
      [{ inputs: churnTensors(1), outputs: [{ name: "nope" }] }, ["outputs.0.name"]],
      [
        { inputs: churnTensors(2).map((t) => ({ ...t, shape: [1, 2] })) },
        ["inputs.0.shape"],
      ],
    ];
    for (const [body, fields] of cases) {
      const response = await app.request("/v2/models/churn/infer", postJson(body));
      assert.equal(response.status, 400, JSON.stringify(body));
      const { error } = await response.json();
      assert.equal(typeof error, "string");
      for (const field of fields) assert.match(error, new RegExp(`${field}: `), error);
    }
    const malformed = await app.request("/v2/models/churn/infer", postJson("{"));
    assert.equal(malformed.status, 400);
    assert.deepEqual(await malformed.json(), { error: "Malformed JSON in request body" });
  } finally {
    await close();
  }
});

Deno.test("V2 model readiness, and versioned paths answer only for the version served", async () => {
  const { app, runtime, close } = await testApp(workspace);
  try {
    const served = workspace.versions.churn;
    const ready = await app.request("/v2/models/churn/ready");
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { name: "churn", ready: true });
    assert.equal((await app.request("/v2/models/nope/ready")).status, 404);

    const pinned = `/v2/models/churn/versions/${served}`;
    assert.deepEqual(await (await app.request(`${pinned}/ready`)).json(), {
      name: "churn",
      ready: true,
    });
    assert.deepEqual((await (await app.request(pinned)).json()).versions, [served]);
    const inferred = await app.request(`${pinned}/infer`, postJson({ inputs: churnTensors(1) }));
    assert.equal(inferred.status, 200);
    assert.equal((await inferred.json()).model_version, served);

    const other = "/v2/models/churn/versions/20260101T000000Z-00000000";
    for (
      const response of [
        await app.request(other),
        await app.request(`${other}/ready`),
        await app.request(`${other}/infer`, postJson({ inputs: churnTensors(1) })),
      ]
    ) {
      assert.equal(response.status, 404);
      assert.deepEqual(await response.json(), {
        error: `Model "churn" serves version ${served}, not 20260101T000000Z-00000000`,
      });
    }

    // Not loaded: not ready, with the model named.
    runtime.registry.swap("champion", undefined, "churn");
    const unloaded = await app.request("/v2/models/churn/ready");
    assert.equal(unloaded.status, 503);
    assert.deepEqual(await unloaded.json(), { name: "churn", ready: false });
  } finally {
    await close();
  }
});
