import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { type SignedDelivery, signWebhook, verifyWebhookSignature } from "./signature.ts";

const secret = "a-webhook-secret-of-some-length";
const body = JSON.stringify({ id: "a1", kind: "dataset_drift", message: "Dérive détectée" });
const timestamp = 1_767_225_600;
const now = timestamp * 1000 + 20_000;

Deno.test("the signature is GitHub's sha256=<hex HMAC> of `${timestamp}.${body}`", async () => {
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  assert.equal(await signWebhook(secret, timestamp, body), `sha256=${expected}`);
});

Deno.test("a genuine delivery verifies; a tampered, stale or unsigned one does not", async () => {
  const signature = await signWebhook(secret, timestamp, body);
  const delivery: SignedDelivery = { secret, body, signature, timestamp: String(timestamp), now };
  assert.equal(await verifyWebhookSignature(delivery), true);
  const refused = async (change: Partial<SignedDelivery>) =>
    assert.equal(await verifyWebhookSignature({ ...delivery, ...change }), false);
  await refused({ body: body.replace("a1", "a2") });
  await refused({ timestamp: String(timestamp + 1) });
  await refused({ secret: `${secret}!` });
  await refused({ signature: signature.replace(/.$/, (c) => (c === "0" ? "1" : "0")) });
  await refused({ signature: signature.toUpperCase() });
  await refused({ signature: null });
  await refused({ timestamp: null });
  await refused({ timestamp: "soon" });
  await refused({ now: (timestamp + 301) * 1000 });
  assert.equal(
    await verifyWebhookSignature({
      ...delivery,
      now: (timestamp + 301) * 1000,
      toleranceSeconds: 600,
    }),
    true,
  );
});
