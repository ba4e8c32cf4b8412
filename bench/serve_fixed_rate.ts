/**
 * The fixed-rate load of `deno task bench:serve`: wrk has no fixed-rate mode and wrk2 is not
 * packaged, so this small open-loop generator sends a set rate of POSTs from Deno's `fetch`.
 */
import type { LoadResult } from "./serve_load.ts";

/** A fixed-rate run: the load result plus how late the generator sent (its own error). */
export interface FixedRateResult extends LoadResult {
  /** 99th percentile of send time minus due time, in milliseconds. */
  lagP99: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate and is sent then,
 * whatever the earlier ones are doing (the generator never waits for a response, so no
 * coordinated omission). Its latency runs from the moment it is handed to `fetch` to the end
 * of the response body; timers make sends a little late (up to ~2-3 ms), which `lagP99`
 * reports rather than adds to every latency. Each request times out after 5 s.
 */
export async function fixedRate(
  url: string,
  bodies: readonly unknown[],
  { rate = 100, seconds = 10 } = {},
): Promise<FixedRateResult> {
  const payloads = bodies.map((body) => JSON.stringify(body));
  const headers = { "content-type": "application/json" };
  const latencies: number[] = [];
  const lags: number[] = [];
  const inFlight: Promise<void>[] = [];
  let errors = 0;
  const send = async (body: string) => {
    const sent = performance.now();
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      if (response.ok) latencies.push(performance.now() - sent);
      else errors++;
    } catch {
      errors++;
    }
  };
  const start = performance.now();
  const total = Math.round(rate * seconds);
  const dueAt = (i: number) => start + (i * 1000) / rate;
  for (let i = 0; i < total;) {
    for (; i < total && dueAt(i) <= performance.now(); i++) {
      lags.push(performance.now() - dueAt(i));
      inFlight.push(send(payloads[i % payloads.length]));
    }
    if (i < total) await sleep(Math.max(0, dueAt(i) - performance.now()));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    ok: latencies.length,
    errors,
    lagP99: quantile(lags, 0.99),
  };
}
