/**
 * `/v2` as the Open Inference Protocol is written and as its clients behave: tritonclient
 * sends its JSON without a content type, in binary tensor data form by default, and reads
 * errors as `{ "error": "<message>" }`.
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { readInferBody } from "../../serving/binary_tensors.ts";

/** The header that gives the JSON part's length of a binary tensor data body. */
export const headerLengthHeader = "Inference-Header-Content-Length";

/**
 * Reads an infer body whatever its content type: plain JSON or a JSON header followed by
 * binary tensors, whose values it puts into each input's `data`. The route's schema then
 * validates one JSON shape. (Hono's own `bodyLimit` re-wraps the request the same way.)
 */
export const readInferRequest: MiddlewareHandler = async (c, next) => {
  // Other methods go on to the 405 of a path that takes only POST.
  if (c.req.method !== "POST") return await next();
  const body = new Uint8Array(await c.req.raw.arrayBuffer());
  const length = c.req.header(headerLengthHeader);
  const json = readInferBody(body, length === undefined ? undefined : Number(length));
  const headers = new Headers(c.req.raw.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  c.req.raw = new Request(c.req.raw.url, {
    method: c.req.raw.method,
    headers,
    body: JSON.stringify(json),
    signal: c.req.raw.signal,
  });
  await next();
};

interface ProductError {
  error: { message: string; details?: { fields?: { path: string; message: string }[] } };
}

/** The product's error body as one message, its field errors named. */
function messageOf({ error }: ProductError): string {
  const fields = error.details?.fields ?? [];
  if (fields.length === 0) return error.message;
  return `${error.message}: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`;
}

/**
 * Rewrites every error `/v2` answers (routes, validation, auth, body limit, no route) into
 * the protocol's `{ "error": "<message>" }`; invalid input (422, 415) becomes its 400.
 */
export const oipErrorBodies: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status < 400 || !c.res.headers.get("content-type")?.includes("json")) return;
  const body = await c.res.clone().json().catch(() => undefined) as ProductError | undefined;
  if (typeof body?.error?.message !== "string") return;
  const status = c.res.status === 422 || c.res.status === 415 ? 400 : c.res.status;
  const headers = new Headers(c.res.headers);
  headers.delete("content-length");
  c.res = new Response(JSON.stringify({ error: messageOf(body) }), { status, headers });
};
