/**
 * `/v2` as the protocol's clients send it: JSON without a content type, `[n, 1]` columns,
 * parameters, the binary tensor data extension both ways, and the protocol's error bodies
 * on every failure (while `/v1` keeps its own).
 */
import assert from "node:assert/strict";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson, testApp } from "../support/test_app.ts";

const workspace = await trainedWorkspace();

/** BYTES as the extension lays them out: a 4-byte little-endian length, then UTF-8. */
function bytesTensor(values: string[]): Uint8Array {
  const parts = values.map((v) => new TextEncoder().encode(v));
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    new DataView(out.buffer).setUint32(offset, part.length, true);
    out.set(part, offset + 4);
    offset += 4 + part.length;
  }
  return out;
}

const float32 = (values: number[]) => new Uint8Array(new Float32Array(values).buffer);
const int32 = (values: number[]) => new Uint8Array(new Int32Array(values).buffer);

/** A binary-extension body: the JSON header, then each input's bytes in order. */
function binaryBody(header: unknown, blobs: Uint8Array[]) {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const body = new Uint8Array(json.length + blobs.reduce((n, b) => n + b.length, 0));
  body.set(json);
  let offset = json.length;
  for (const blob of blobs) {
    body.set(blob, offset);
    offset += blob.length;
  }
  return { body, headerLength: json.length };
}

const seedCustomer = {
  tenure: 12,
  monthly_charges: 65.5,
  total_charges: 786,
  contract_type: "Month-to-month",
  payment_method: "Electronic check",
};

Deno.test("V2 reads a body without a content type as JSON, [n, 1] columns and parameters", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const v1 = await (await app.request("/v1/models/churn/predict", postJson(seedCustomer)))
      .json();
    const inputs = Object.entries(seedCustomer).map(([name, value]) => ({
      name,
      shape: [2, 1],
      datatype: typeof value === "string" ? "BYTES" : "FP32",
      data: [value, value],
      parameters: { note: "per-input parameters are read" },
    }));
    const response = await app.request("/v2/models/churn/infer", {
      method: "POST",
      body: new TextEncoder().encode(JSON.stringify({ inputs, parameters: { priority: 1 } })),
    });
    assert.equal(response.status, 200);
    const body = await response.json();
    const probabilities = body.outputs.find((o: { name: string }) =>
      o.name === "churn_probabilities"
    );
    assert.deepEqual(probabilities.shape, [2, 2]);
    assert.equal(probabilities.data[1], v1.probability);
    assert.equal(probabilities.data[3], v1.probability);
  } finally {
    await close();
  }
});

Deno.test("V2 binary tensor data: inputs decoded, outputs asked for in binary encoded", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const v1 = await (await app.request("/v1/models/churn/predict", postJson(seedCustomer)))
      .json();
    const blobs = [
      int32([12, 12]),
      float32([65.5, 65.5]),
      float32([786, 786]),
      bytesTensor(["Month-to-month", "Month-to-month"]),
      bytesTensor(["Electronic check", "Electronic check"]),
    ];
    const names = Object.keys(seedCustomer);
    const datatypes = ["INT32", "FP32", "FP32", "BYTES", "BYTES"];
    const { body, headerLength } = binaryBody({
      inputs: names.map((name, i) => ({
        name,
        shape: [2],
        datatype: datatypes[i],
        parameters: { binary_data_size: blobs[i].length },
      })),
      outputs: [
        { name: "churn_probabilities", parameters: { binary_data: true } },
        { name: "churn_label", parameters: { binary_data: false } },
      ],
    }, blobs);
    const response = await app.request("/v2/models/churn/infer", {
      method: "POST",
      headers: { "inference-header-content-length": String(headerLength) },
      body,
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/octet-stream");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const jsonLength = Number(response.headers.get("inference-header-content-length"));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, jsonLength)));
    // Only the outputs asked for, in the order asked; the label as JSON, as asked.
    assert.deepEqual(header.outputs.map((o: { name: string }) => o.name), [
      "churn_probabilities",
      "churn_label",
    ]);
    assert.deepEqual(header.outputs[0].parameters, { binary_data_size: 16 });
    assert.equal(header.outputs[0].data, undefined);
    assert.deepEqual(header.outputs[1].data, [String(v1.prediction), String(v1.prediction)]);
    const probabilities = new Float32Array(bytes.slice(jsonLength).buffer);
    assert.equal(bytes.length, jsonLength + 16);
    assert.equal(probabilities[1], Math.fround(v1.probability));
    assert.equal(probabilities[3], Math.fround(v1.probability));

    // binary_data_output: every output in binary, BYTES length-prefixed.
    const all = await app.request("/v2/models/ticket-triage/infer", {
      method: "POST",
      body: JSON.stringify({
        inputs: [
          { name: "subject", shape: [1], datatype: "BYTES", data: ["VPN down"] },
          { name: "body", shape: [1], datatype: "BYTES", data: ["Cannot reach the VPN."] },
        ],
        parameters: { binary_data_output: true },
      }),
    });
    assert.equal(all.status, 200);
    const allBytes = new Uint8Array(await all.arrayBuffer());
    const allLength = Number(all.headers.get("inference-header-content-length"));
    const allHeader = JSON.parse(new TextDecoder().decode(allBytes.subarray(0, allLength)));
    const sizes = allHeader.outputs.map((o: { parameters: { binary_data_size: number } }) =>
      o.parameters.binary_data_size
    );
    assert.equal(allBytes.length, allLength + sizes.reduce((a: number, b: number) => a + b, 0));
    const label = allBytes.subarray(allLength, allLength + sizes[0]);
    const labelLength = new DataView(label.buffer, label.byteOffset).getUint32(0, true);
    assert.equal(labelLength, label.length - 4);
    const topic = new TextDecoder().decode(label.subarray(4));
    assert.ok(
      ["access", "hardware", "software", "network", "email", "printing", "security", "storage"]
        .includes(topic),
      topic,
    );
  } finally {
    await close();
  }
});

Deno.test("V2 binary bodies that do not add up are a 400 naming what is wrong", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const input = (name: string, datatype: string, size: number) => ({
      inputs: [{ name, shape: [1], datatype, parameters: { binary_data_size: size } }],
    });
    const cases: [{ body: Uint8Array<ArrayBuffer>; headerLength: number }, RegExp][] = [
      [binaryBody(input("tenure", "INT32", 8), [int32([12])]), /binary_data_size must be a/],
      [
        { body: new TextEncoder().encode("{}"), headerLength: 99 },
        /Inference-Header-Content-Length must be a length/,
      ],
      [
        binaryBody(input("contract_type", "BYTES", 6), [new Uint8Array([9, 0, 0, 0, 65, 66])]),
        /BYTES element longer than its data/,
      ],
      [binaryBody(input("tenure", "FP16", 2), [new Uint8Array(2)]), /datatype must be one of/],
    ];
    for (const [{ body, headerLength }, message] of cases) {
      const response = await app.request("/v2/models/churn/infer", {
        method: "POST",
        headers: { "inference-header-content-length": String(headerLength) },
        body,
      });
      assert.equal(response.status, 400);
      const { error } = await response.json();
      assert.match(error, message);
    }
  } finally {
    await close();
  }
});

Deno.test("V2 answers a missing key in the protocol's shape; /v1 keeps its own", async () => {
  const { app, close } = await testApp(workspace, { API_KEYS: "k1" });
  try {
    const v2 = await app.request("/v2/models/churn");
    assert.equal(v2.status, 401);
    assert.deepEqual(await v2.json(), {
      error: "Missing or invalid API key (Authorization: Bearer <key>)",
    });
    const v1 = await app.request("/v1/models/churn");
    assert.equal(v1.status, 401);
    assert.equal((await v1.json()).error.code, "unauthorized");
  } finally {
    await close();
  }
});
