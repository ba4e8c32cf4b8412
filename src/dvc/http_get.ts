/**
 * A GET with a deadline covering the whole body, answering as an object source does.
 *
 * @module
 */
import type { SourceResult } from "./object_source.ts";

/** Options of {@link httpGetObject}. */
export interface HttpGetOptions {
  headers?: HeadersInit;
  /** Deadline for the request and its body, in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The fetch to use (tests inject one); default the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * GETs `url`: a 2xx gives the bytes; any other status gives `found: false` with the status
 * (and S3's error `Code` when the body has one). Network errors throw, and so does a missed
 * deadline (`timed out after N ms`).
 */
export async function httpGetObject(url: string, options: HttpGetOptions): Promise<SourceResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers: options.headers,
      signal: controller.signal,
    });
    if (response.ok) return { found: true, bytes: new Uint8Array(await response.arrayBuffer()) };
    const body = await response.text().catch(() => "");
    return { found: false, reason: `HTTP ${response.status}${errorSummary(body)} for ${url}` };
  } catch (error) {
    if (timedOut) throw new Error(`timed out after ${options.timeoutMs} ms fetching ${url}`);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** `: <Code>` from an S3 XML error, else the start of a short text body. */
function errorSummary(body: string): string {
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1];
  if (code) return ` ${code}`;
  const text = body.trim().replace(/\s+/g, " ");
  return text && text.length <= 120 && !text.startsWith("<") ? ` (${text})` : "";
}
