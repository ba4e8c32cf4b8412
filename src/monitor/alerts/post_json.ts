/** One POST of a delivery: what counts as done, as worth retrying, and as refused. */
import { describeError } from "../../shared/describe_error.ts";
import { PermanentDeliveryError } from "./retrying_queue.ts";

/** The `fetch` deliveries go through; tests and Deno Deploy pass the global one. */
export type Fetch = typeof fetch;

/** Statuses that say "later", not "never": timeout, too early, rate limited. */
const retryableRefusals = new Set([408, 425, 429]);

/**
 * POSTs `body` (JSON) to `url`. Resolves on a 2xx; a 4xx other than 408, 425 and 429 is a
 * {@link PermanentDeliveryError}; any other status or a network failure rejects to be
 * retried. Errors name the URL's origin only: a webhook's path is often its secret, and
 * Deno's network errors quote the whole URL.
 */
export async function postJson(
  fetcher: Fetch,
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  const { origin, href } = new URL(url);
  let response: Response;
  try {
    response = await fetcher(href, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      signal,
    });
  } catch (error) {
    const reason = signal.aborted ? describeError(signal.reason) : describeError(error);
    throw new Error(`POST to ${origin} failed: ${reason.replaceAll(href, `${origin}/…`)}`);
  }
  // The answer's body is not needed: cancelling it frees the connection.
  await response.body?.cancel().catch(() => {});
  if (response.ok) return;
  const message = `POST to ${origin} answered ${response.status}`;
  if (response.status < 500 && !retryableRefusals.has(response.status)) {
    throw new PermanentDeliveryError(message);
  }
  throw new Error(message);
}
