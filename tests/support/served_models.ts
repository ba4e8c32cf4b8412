/** What a server started on pushed models must answer, wherever it runs. */
import assert from "node:assert/strict";
import type { PushedModels } from "./model_remote.ts";
import { sampleTicket as ticket, seedCustomer as customer } from "./payloads.ts";
import { postJson } from "./test_app.ts";

/**
 * Checks `ready` (the server's 200 from /ready) names the pushed versions, that both models
 * predict, and that the docs page's browser bundle is served.
 */
export async function assertServesPushedModels(
  base: string,
  ready: Response,
  pushed: PushedModels,
): Promise<void> {
  const { checks } = await ready.json();
  assert.deepEqual(checks, {
    database: "ok",
    "model:ticket-triage": `ok (${pushed.workspace.versions["ticket-triage"]})`,
    "model:churn": `ok (${pushed.workspace.versions.churn})`,
  });
  const triage = await fetch(`${base}/v1/models/ticket-triage/predict`, postJson(ticket));
  assert.equal(triage.status, 200, await triage.clone().text());
  assert.ok((await triage.json()).prediction_id);
  const churn = await fetch(`${base}/v1/models/churn/predict`, postJson(customer));
  assert.equal(churn.status, 200, await churn.clone().text());
  assert.ok((await churn.json()).prediction_id);

  // The docs page's browser bundle survives the image's pruned dependencies.
  const docsScript = await fetch(`${base}/docs/scalar.js`);
  assert.equal(docsScript.status, 200);
  assert.ok((await docsScript.arrayBuffer()).byteLength > 1_000_000, "the Scalar bundle");
}
