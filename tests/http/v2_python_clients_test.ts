/**
 * The protocol's Python clients (PyPI, pinned in tests/requirements.txt) against the server on
 * loopback. tritonclient with its defaults (binary tensors both ways) and with JSON tensors:
 * health, metadata, inference for both models with a batch, and errors it reports with the
 * server's message. KServe's own REST client: health, a churn batch, a reported error.
 */
import assert from "node:assert/strict";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson, testApp } from "../support/test_app.ts";

const python = new URL("../../.venv/bin/python", import.meta.url).pathname;
const script = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const workspace = await trainedWorkspace();

/** The same three customers the script sends, as /v1 takes them. */
const customers = [
  [12, 65.5, 786, "Month-to-month", "Electronic check"],
  [40, 30, 1200, "Two year", "Credit card"],
  [2, 99.9, 199.8, "Month-to-month", "Electronic check"],
].map(([tenure, monthly_charges, total_charges, contract_type, payment_method]) => ({
  tenure,
  monthly_charges,
  total_charges,
  contract_type,
  payment_method,
}));

for (const binary of [true, false]) {
  Deno.test(`tritonclient drives /v2 with ${binary ? "binary" : "JSON"} tensors`, async () => {
    const { app, close } = await testApp(workspace);
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.fetch);
    try {
      const output = await new Deno.Command(python, {
        args: [script("v2_tritonclient.py"), `127.0.0.1:${server.addr.port}`, binary ? "1" : "0"],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(output.stderr);
      assert.ok(output.success, stderr);
      const seen = JSON.parse(new TextDecoder().decode(output.stdout));

      assert.deepEqual([seen.live, seen.ready, seen.model_ready], [true, true, true]);
      assert.ok(seen.server.extensions.includes("binary_tensor_data"));
      assert.deepEqual(seen.churn_metadata.versions, [workspace.versions.churn]);
      assert.deepEqual(
        seen.ticket_metadata.inputs.map((i: { name: string }) => i.name),
        ["subject", "body", "channel"],
      );

      const v1 = await (await app.request(
        "/v1/models/churn/predict",
        postJson({ instances: customers }),
      )).json();
      assert.equal(seen.churn.id, "triton-churn");
      assert.equal(seen.churn.version, workspace.versions.churn);
      assert.deepEqual(seen.churn.binary, [binary, binary, binary]);
      assert.deepEqual(
        seen.churn.labels,
        v1.predictions.map((p: { prediction: number }) => String(p.prediction)),
      );
      seen.churn.probabilities.forEach((row: number[], i: number) =>
        assert.ok(Math.abs(row[1] - v1.predictions[i].probability) < 1e-6)
      );
      assert.equal(seen.churn.prediction_ids, 3);

      assert.equal(seen.tickets.topics.length, 2);
      assert.equal(seen.tickets.urgencies.length, 2);
      assert.deepEqual(seen.tickets.topic_probabilities_shape, [2, 8]);

      // Errors as the client reports them: the status and the server's own message.
      assert.equal(seen.bad_request.status, "400");
      assert.match(seen.bad_request.message, /instances\.0\.tenure: Too small/);
      assert.deepEqual(seen.unknown_model, { status: "404", message: 'Unknown model "nope"' });
      assert.deepEqual(seen.unknown_model_infer, {
        status: "404",
        message: 'Unknown model "nope"',
      });
    } finally {
      await server.shutdown();
      await close();
    }
  });
}

for (const binary of [true, false]) {
  Deno.test(`KServe's REST client drives /v2 with ${binary ? "binary" : "JSON"} tensors`, async () => {
    const { app, close } = await testApp(workspace);
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.fetch);
    try {
      const output = await new Deno.Command(python, {
        args: [
          script("v2_kserve_client.py"),
          `http://127.0.0.1:${server.addr.port}`,
          binary ? "1" : "0",
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(output.success, new TextDecoder().decode(output.stderr));
      const seen = JSON.parse(new TextDecoder().decode(output.stdout));
      assert.deepEqual([seen.live, seen.ready, seen.model_ready], [true, true, true]);
      assert.equal(seen.id, "kserve-churn");
      // The client keeps the model's name of a response, not its version.
      assert.equal(seen.model, "churn");
      const v1 = await (await app.request(
        "/v1/models/churn/predict",
        postJson({ instances: customers }),
      )).json();
      assert.deepEqual(
        seen.labels,
        v1.predictions.map((p: { prediction: number }) => String(p.prediction)),
      );
      seen.probabilities.forEach((row: number[], i: number) =>
        assert.ok(Math.abs(row[1] - v1.predictions[i].probability) < 1e-6)
      );
      assert.equal(seen.bad_request.status, 400);
      assert.match(seen.bad_request.message, /instances\.0\.tenure: Too small/);
    } finally {
      await server.shutdown();
      await close();
    }
  });
}
