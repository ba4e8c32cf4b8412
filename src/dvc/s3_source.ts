/**
 * An S3 (or S3-compatible: MinIO, R2…) DVC remote as an object source, with requests signed
 * by aws4fetch (AWS Signature Version 4 on Web Crypto, so it runs on Deno Deploy too).
 *
 * @module
 */
import { AwsV4Signer } from "aws4fetch";
import { httpGetObject } from "./http_get.ts";
import { objectKey } from "./object_key.ts";
import type { ObjectRequest, ObjectSource, SourceResult } from "./object_source.ts";

/** AWS credentials. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials' token, sent as `x-amz-security-token`. */
  sessionToken?: string;
}

/** How to reach S3. Build it from the environment with {@link s3OptionsFromEnv}. */
export interface S3Options {
  /** Default `us-east-1`. */
  region?: string;
  /** Without credentials requests go unsigned (public buckets). */
  credentials?: AwsCredentials;
  /** A custom endpoint (`http://127.0.0.1:9000`); it is addressed path-style. */
  endpoint?: string;
  /** Address `<endpoint>/<bucket>/<key>` even on AWS. Default: only with an endpoint. */
  forcePathStyle?: boolean;
  /** Deadline per object, in milliseconds. Default 60000. */
  timeoutMs?: number;
  /** The fetch to use (tests inject one). */
  fetch?: typeof fetch;
  /** The clock used to sign (tests pin it). */
  now?: () => Date;
}

/**
 * The standard AWS variables an S3 remote is reached with: keys, session token, region (or
 * the default region), endpoint (the S3 one first). Empty values count as unset.
 */
export const s3Variables = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_ENDPOINT_URL_S3",
  "AWS_ENDPOINT_URL",
] as const;

/** S3 options from `env`; see {@link s3Variables}. */
export function s3OptionsFromEnv(env: Record<string, string | undefined>): S3Options {
  const get = (name: string) => env[name] || undefined;
  const accessKeyId = get("AWS_ACCESS_KEY_ID");
  const secretAccessKey = get("AWS_SECRET_ACCESS_KEY");
  return {
    region: get("AWS_REGION") ?? get("AWS_DEFAULT_REGION"),
    endpoint: get("AWS_ENDPOINT_URL_S3") ?? get("AWS_ENDPOINT_URL"),
    credentials: accessKeyId && secretAccessKey
      ? { accessKeyId, secretAccessKey, sessionToken: get("AWS_SESSION_TOKEN") }
      : undefined,
  };
}

/** Splits `s3://bucket/some/prefix` into bucket and prefix (without slashes at the ends). */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/*(.*?)\/*$/.exec(url);
  if (!match) throw new Error(`Invalid S3 URL "${url}": expected s3://bucket/prefix`);
  return { bucket: match[1], prefix: match[2] };
}

/** The HTTPS URL of `key` in `bucket` (each key segment URI-encoded once). */
export function s3ObjectUrl(bucket: string, key: string, options: S3Options = {}): string {
  const path = key.split("/").map(uriEncode).join("/");
  const region = options.region ?? "us-east-1";
  if (options.endpoint) return `${options.endpoint.replace(/\/+$/, "")}/${bucket}/${path}`;
  if (options.forcePathStyle || bucket.includes(".")) {
    return `https://s3.${region}.amazonaws.com/${bucket}/${path}`;
  }
  return `https://${bucket}.s3.${region}.amazonaws.com/${path}`;
}

/** Percent-encodes every byte but `A-Z a-z 0-9 - . _ ~` (RFC 3986, as S3 keys in a path need). */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** SHA-256 of an empty payload, hex: the `x-amz-content-sha256` of a GET. */
export const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A request for {@link s3Signer} to sign. */
export interface S3SignRequest {
  method: string;
  url: string;
  /** Headers to send; every one is signed. */
  headers?: Record<string, string>;
  /** Default `us-east-1`. */
  region?: string;
  credentials: AwsCredentials;
  /** Signing time; default now. */
  date?: Date;
  /** Derived signing keys, reused across requests (one map per set of credentials is enough). */
  cache?: Map<string, ArrayBuffer>;
}

/**
 * The SigV4 signer of an S3 request: every given header is signed (aws4fetch leaves `range`
 * and a few others out by default), and unless the headers carry their own
 * `x-amz-content-sha256` the payload is signed as empty (what a GET sends). Its `sign()` gives
 * the headers to send (`x-amz-date`, `x-amz-content-sha256`, `x-amz-security-token` with a
 * session token, `authorization`); `host` is signed but left to fetch.
 */
export function s3Signer(request: S3SignRequest): AwsV4Signer {
  const headers = new Headers(request.headers);
  if (!headers.has("x-amz-content-sha256")) headers.set("x-amz-content-sha256", emptyPayloadHash);
  return new AwsV4Signer({
    method: request.method,
    url: request.url,
    headers,
    service: "s3",
    region: request.region ?? "us-east-1",
    accessKeyId: request.credentials.accessKeyId,
    secretAccessKey: request.credentials.secretAccessKey,
    sessionToken: request.credentials.sessionToken,
    datetime: request.date?.toISOString().replace(/[-:]|\.\d{3}/g, ""),
    allHeaders: true,
    cache: request.cache,
  });
}

/** Reads objects of the DVC remote at `s3://bucket/prefix` (`<prefix>/files/md5/xx/rest`). */
export function s3Source(url: string, options: S3Options = {}): ObjectSource {
  const { bucket, prefix } = parseS3Url(url);
  const signingKeys = new Map<string, ArrayBuffer>();
  return {
    description: `remote ${url}`,
    async get(request: ObjectRequest, signal?: AbortSignal): Promise<SourceResult> {
      const key = prefix ? `${prefix}/${objectKey(request.hash)}` : objectKey(request.hash);
      const objectUrl = s3ObjectUrl(bucket, key, options);
      const headers = options.credentials
        ? (await s3Signer({
          method: "GET",
          url: objectUrl,
          region: options.region,
          credentials: options.credentials,
          date: options.now?.(),
          cache: signingKeys,
        }).sign()).headers
        : undefined;
      return httpGetObject(objectUrl, {
        headers,
        signal,
        timeoutMs: options.timeoutMs ?? 60_000,
        fetch: options.fetch,
      });
    },
  };
}
