/**
 * AWS Signature Version 4 for header-signed requests (what S3 needs to GET an object),
 * with `node:crypto`. Reference: "Signature Calculations for the Authorization Header"
 * in the Amazon S3 API documentation.
 *
 * @module
 */
import { createHash, createHmac } from "node:crypto";

/** AWS credentials. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials' token, sent as `x-amz-security-token`. */
  sessionToken?: string;
}

/** A request to sign. */
export interface SignV4Request {
  method: string;
  url: string | URL;
  /** Headers to send and sign (besides those added here). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body; default that of an empty body. */
  payloadHash?: string;
  region: string;
  service: string;
  credentials: AwsCredentials;
  /** Signing time; default now. */
  date?: Date;
}

/** SHA-256 of an empty payload, hex. */
export const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * The headers to send: the given ones plus `x-amz-date`, `x-amz-content-sha256`,
 * `x-amz-security-token` (with a session token) and `authorization`. `host` is signed but
 * not returned (fetch sets it from the URL).
 */
export function signV4(request: SignV4Request): Record<string, string> {
  const url = new URL(request.url);
  const amzDate = (request.date ?? new Date()).toISOString().replace(/[-:]|\.\d{3}/g, "");
  const payloadHash = request.payloadHash ?? emptyPayloadHash;
  const headers: Record<string, string> = {
    ...lowercaseKeys(request.headers ?? {}),
    "x-amz-date": amzDate,
    "x-amz-content-sha256": payloadHash,
  };
  if (request.credentials.sessionToken) {
    headers["x-amz-security-token"] = request.credentials.sessionToken;
  }
  const canonical = canonicalRequest(
    request.method,
    url,
    { ...headers, host: url.host },
    payloadHash,
  );
  const scope = `${amzDate.slice(0, 8)}/${request.region}/${request.service}/aws4_request`;
  const signature = deriveSignature({
    canonicalRequest: canonical.text,
    amzDate,
    region: request.region,
    service: request.service,
    secretAccessKey: request.credentials.secretAccessKey,
  });
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${request.credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
  return headers;
}

/**
 * The canonical request SigV4 hashes, and its signed-header list. The path is used as
 * given in `url` (already URI-encoded once, as S3 expects); the query is re-encoded and sorted.
 */
export function canonicalRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  payloadHash: string,
): { text: string; signedHeaders: string } {
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  const values = lowercaseKeys(headers);
  const canonicalHeaders = names
    .map((n) => `${n}:${values[n].trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const signedHeaders = names.join(";");
  const text = [
    method.toUpperCase(),
    url.pathname || "/",
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join("\n");
  return { text, signedHeaders };
}

/** The inputs of {@link deriveSignature}. */
interface SignatureInput {
  canonicalRequest: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  region: string;
  service: string;
  secretAccessKey: string;
}

/** The hex signature of a canonical request (string to sign, then the derived key's HMAC). */
function deriveSignature(input: SignatureInput): string {
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, sha256Hex(input.canonicalRequest)]
    .join("\n");
  let key = hmac(`AWS4${input.secretAccessKey}`, day);
  for (const part of [input.region, input.service, "aws4_request"]) key = hmac(key, part);
  return createHmac("sha256", key).update(stringToSign).digest("hex");
}

/** Percent-encodes every byte but `A-Z a-z 0-9 - . _ ~` (RFC 3986, as SigV4 requires). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return "";
  return search.slice(1).split("&").filter((p) => p !== "").map((pair) => {
    const eq = pair.indexOf("=");
    const [k, v] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [uriEncode(decodeURIComponent(k)), uriEncode(decodeURIComponent(v))];
  }).sort(([ka, va], [kb, vb]) => ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0)
    .map(([k, v]) => `${k}=${v}`).join("&");
}

function lowercaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function hmac(key: string | Uint8Array, data: string): Uint8Array {
  return createHmac("sha256", key).update(data).digest();
}
