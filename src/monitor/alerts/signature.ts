/**
 * The webhook's signature: GitHub's `X-Signature-256: sha256=<hex>` scheme, with the
 * delivery's Unix time signed too (`X-Alert-Timestamp`) so a captured request cannot be
 * replayed later. The signed content is exactly `${timestamp}.${body}`, the raw body bytes
 * as sent. Web Crypto only: it runs on Deno Deploy as well.
 */

/** Header carrying `sha256=<hex HMAC-SHA256 of "${timestamp}.${body}">`. */
export const signatureHeader = "X-Signature-256";
/** Header carrying the delivery's Unix time in seconds, part of what is signed. */
export const timestampHeader = "X-Alert-Timestamp";
/** How far a delivery's timestamp may be from the receiver's clock by default. */
export const defaultToleranceSeconds = 300;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [usage],
  );
}

function signedContent(timestamp: string | number, body: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${timestamp}.${body}`);
}

/** The `X-Signature-256` value for `body` sent at `timestamp` (Unix seconds). */
export async function signWebhook(
  secret: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret, "sign"),
    signedContent(timestamp, body),
  );
  return `sha256=${
    Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("")
  }`;
}

/** What a receiver checks a delivery with. */
export interface SignedDelivery {
  secret: string;
  /** The raw request body, exactly as received (not re-serialized JSON). */
  body: string;
  /** The `X-Signature-256` header. */
  signature: string | null;
  /** The `X-Alert-Timestamp` header. */
  timestamp: string | null;
  /** The receiver's clock, Unix milliseconds (default now). */
  now?: number;
  toleranceSeconds?: number;
}

/**
 * True when the signature is the secret's HMAC of `${timestamp}.${body}` and the timestamp
 * is within the tolerance of `now`. The comparison is Web Crypto's `verify`, which takes the
 * same time whichever byte differs.
 */
export async function verifyWebhookSignature(delivery: SignedDelivery): Promise<boolean> {
  const { secret, body, signature, timestamp } = delivery;
  const hex = /^sha256=([0-9a-f]{64})$/.exec(signature ?? "")?.[1];
  if (!hex || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const skew = Math.abs((delivery.now ?? Date.now()) / 1000 - Number(timestamp));
  if (skew > (delivery.toleranceSeconds ?? defaultToleranceSeconds)) return false;
  const mac = new Uint8Array(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
  return await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret, "verify"),
    mac,
    signedContent(timestamp, body),
  );
}
