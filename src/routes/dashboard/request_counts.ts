/** Requests answered since the server started, by status class, from its Prometheus counter. */
import type { Registry } from "prom-client";
import type { RequestCounts } from "./overview_page.ts";

/** Reads `http_requests_total` of `registry`. */
export async function requestCounts(registry: Registry): Promise<RequestCounts> {
  const counts = { requests: 0, clientErrors: 0, serverErrors: 0 };
  const metric = await registry.getSingleMetric("http_requests_total")?.get();
  for (const { labels, value } of metric?.values ?? []) {
    const status = Number(labels.status);
    counts.requests += value;
    if (status >= 500) counts.serverErrors += value;
    else if (status >= 400) counts.clientErrors += value;
  }
  return counts;
}
