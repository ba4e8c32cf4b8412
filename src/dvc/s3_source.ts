/**
 * An S3 (or S3-compatible: MinIO, R2…) DVC remote as an object source, with SigV4 requests.
 *
 * @module
 */
import { httpGetObject } from "./http_get.ts";
import { objectKey } from "./object_key.ts";
import type { ObjectRequest, ObjectSource, SourceResult } from "./object_source.ts";
import { type AwsCredentials, signV4, uriEncode } from "./sigv4.ts";

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
 * S3 options from the standard AWS variables of `env` (pass `Deno.env.toObject()`):
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`
 * (or `AWS_DEFAULT_REGION`), `AWS_ENDPOINT_URL_S3` (or `AWS_ENDPOINT_URL`). Empty values count
 * as unset.
 */
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

/** Reads objects of the DVC remote at `s3://bucket/prefix` (`<prefix>/files/md5/xx/rest`). */
export function s3Source(url: string, options: S3Options = {}): ObjectSource {
  const { bucket, prefix } = parseS3Url(url);
  return {
    description: `remote ${url}`,
    get(request: ObjectRequest, signal?: AbortSignal): Promise<SourceResult> {
      const key = prefix ? `${prefix}/${objectKey(request.hash)}` : objectKey(request.hash);
      const objectUrl = s3ObjectUrl(bucket, key, options);
      const headers = options.credentials
        ? signV4({
          method: "GET",
          url: objectUrl,
          region: options.region ?? "us-east-1",
          service: "s3",
          credentials: options.credentials,
          date: options.now?.(),
        })
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
