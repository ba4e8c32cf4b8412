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

/** Reads objects of the DVC remote at `url` (`http://` or `https://`). */
export function httpSource(url: string, options: HttpSourceOptions = {}): ObjectSource {
  const base = url.replace(/\/+$/, "");
  return {
    description: `remote ${redactCredentials(base)}`,
    get(request: ObjectRequest, signal?: AbortSignal): Promise<SourceResult> {
      return httpGetObject(`${base}/${objectKey(request.hash)}`, {
        headers: options.headers,
        signal,
        timeoutMs: options.timeoutMs ?? 60_000,
        fetch: options.fetch,
      });
    },
  };
}

/** `url` with any `user:password@` replaced by `***@`, for messages. */
export function redactCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1***@");
}
