/**
 * An HTTP(S) DVC remote as an object source: `GET <url>/files/md5/xx/rest`.
 *
 * @module
 */
import { httpGetObject } from "./http_get.ts";
import { objectKey } from "./object_key.ts";
import type { ObjectRequest, ObjectSource, SourceResult } from "./object_source.ts";

/** Options of {@link httpSource}. */
export interface HttpSourceOptions {
  /** Sent with every request (e.g. `authorization`). */
  headers?: HeadersInit;
  /** Deadline per object, in milliseconds. Default 60000. */
  timeoutMs?: number;
  /** The fetch to use (tests inject one). */
  fetch?: typeof fetch;
}

/**
 * Reads objects of the DVC remote at `url` (`http://` or `https://`). Credentials in the URL
 * (`https://user:password@host/dvc`, what DVC's `auth basic` sends) become an `authorization`
 * header and leave the URL, so no message or log line carries the password.
 */
export function httpSource(url: string, options: HttpSourceOptions = {}): ObjectSource {
  const { base, authorization } = splitCredentials(url);
  const headers = new Headers(options.headers);
  if (authorization && !headers.has("authorization")) headers.set("authorization", authorization);
  return {
    description: `remote ${base}`,
    get(request: ObjectRequest, signal?: AbortSignal): Promise<SourceResult> {
      return httpGetObject(`${base}/${objectKey(request.hash)}`, {
        headers,
        signal,
        timeoutMs: options.timeoutMs ?? 60_000,
        fetch: options.fetch,
      });
    },
  };
}

/** The URL without `user:password@` (and trailing slashes), and their Basic authorization. */
function splitCredentials(url: string): { base: string; authorization?: string } {
  const parsed = new URL(url);
  const trimmed = (href: string) => href.replace(/\/+$/, "");
  if (!parsed.username && !parsed.password) return { base: trimmed(parsed.href) };
  const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = "";
  parsed.password = "";
  const bytes = new TextEncoder().encode(pair);
  return {
    base: trimmed(parsed.href),
    authorization: `Basic ${btoa(String.fromCharCode(...bytes))}`,
  };
}
