/** The overview: what is served and pinned by which commit, traffic, errors, the log, alerts. */
import { html } from "hono/html";
import type { Alert, TrafficHour } from "../../db/mod.ts";
import type { WriterStats } from "../../serving/scrape_gauges.ts";
import { chart, shown, timeRange } from "./chart.ts";
import type { Html } from "./layout.ts";
import { type PinnedBy, pointerCommitCell } from "./pointer_commit_cell.ts";
import type { RequestBucket, RequestCounts } from "./request_history.ts";

/** One served role of a model: its version and the load that brought it in. */
export interface ServedRole {
  role: "champion" | "challenger";
  version: string;
  since?: Date;
  modelHash?: string;
  environment?: string | null;
  pinnedBy?: PinnedBy;
}

/** A model as the overview lists it. */
export interface ServedSummary {
  name: string;
  roles: ServedRole[];
  problem?: string;
}

/** The server's answers: since it started, and per bucket of `bucketMs`. */
export interface RequestErrors {
  total: RequestCounts;
  buckets: RequestBucket[];
  bucketMs: number;
}

/** What the overview shows. */
export interface OverviewData {
  models: ServedSummary[];
  traffic: TrafficHour[];
  requests: RequestErrors;
  log: WriterStats;
  alerts: Alert[];
}

const percent = (part: number, whole: number) =>
  whole === 0 ? "0%" : `${shown(100 * part / whole)}%`;

function trafficCharts(traffic: TrafficHour[]): Html {
  if (traffic.length === 0) {
    return html`<p class="muted">No prediction logged in the last 48 hours.</p>`;
  }
  const hours = [...new Set(traffic.map((t) => t.hour))].sort();
  const models = [...new Set(traffic.map((t) => t.model))].sort();
  const x = hours.map((h) => Date.parse(h) / 1000);
  const at = (model: string, pick: (t: TrafficHour) => number) =>
    hours.map((h) => {
      const row = traffic.find((t) => t.hour === h && t.model === model);
      return row ? pick(row) : null;
    });
  return html`${
    chart("chart-requests", "Requests per hour", {
      x,
      time: true,
      xRange: timeRange(x, 3600),
      xLabel: "hour (UTC)",
      yLabel: "requests",
      series: models.map((m) => ({ label: m, kind: "bars", values: at(m, (t) => t.requests) })),
    })
  }${
    chart("chart-latency", "Latency per hour (ms)", {
      x,
      time: true,
      xRange: timeRange(x, 3600),
      xLabel: "hour (UTC)",
      yLabel: "ms",
      series: models.flatMap((m) => [
        { label: `${m} p50`, values: at(m, (t) => t.p50) },
        { label: `${m} p99`, values: at(m, (t) => t.p99), dashed: true },
      ]),
    })
  }`;
}

function errorChart({ buckets, bucketMs }: RequestErrors): Html {
  if (buckets.length === 0) return html`<p class="muted">No request answered yet.</p>`;
  const x = buckets.map((b) => b.start.getTime() / 1000);
  const minutes = bucketMs / 60_000;
  return chart("chart-errors", `HTTP error rate per ${minutes} minutes (%), and requests`, {
    x,
    time: true,
    xRange: timeRange(x, bucketMs / 1000),
    xLabel: `${minutes} minutes from (UTC)`,
    yLabel: "% of requests",
    y2Label: "requests",
    series: [
      { label: "requests", kind: "bars", right: true, values: buckets.map((b) => b.requests) },
      { label: "4xx %", values: buckets.map((b) => 100 * b.clientErrors / b.requests) },
      { label: "5xx %", values: buckets.map((b) => 100 * b.serverErrors / b.requests) },
    ],
  });
}

/** The overview page's content. */
export function overviewPage(data: OverviewData): Html {
  const { log } = data;
  const counts = data.requests.total;
  const served = data.models.flatMap((m) => {
    const state = m.problem
      ? html`<span class="bad">${m.problem}</span>`
      : html`<span class="good">serving</span>`;
    const roles = m.roles.length > 0 ? m.roles : [undefined];
    return roles.map((r) =>
      html`
        <tr id="served-${m.name}-${r?.role ?? "none"}">
          <th scope="row">${m.name}</th>
          <td>${r?.role ?? "–"}</td>
          <td>${r?.version ?? "–"}</td>
          <td>${r?.since?.toISOString() ?? "–"}</td>
          <td>${r?.environment ?? "–"}</td>
          ${pointerCommitCell(r?.pinnedBy)}
          <td><code>${r?.modelHash?.slice(0, 12) ?? "–"}</code></td>
          <td>${r?.role === "challenger" ? "compared" : state}</td>
        </tr>
      `
    );
  });
  const alerts = data.alerts.length === 0
    ? html`<p id="open-alerts" class="good">No open alert.</p>`
    : html`
      <div class="table-wrap" tabindex="0">
        <table id="open-alerts">
          <thead>
            <tr>
              <th scope="col">since</th>
              <th scope="col">severity</th>
              <th scope="col">model</th>
              <th scope="col">kind</th>
              <th scope="col">message</th>
            </tr>
          </thead>
          <tbody>${data.alerts.map((a) =>
            html`
              <tr>
                <td>${a.createdAt.toISOString()}</td>
                <td class="${a.severity === "critical" ? "bad" : ""}">${a.severity}</td>
                <td>${a.modelName ?? "–"}</td>
                <td>${a.kind}</td>
                <td>${a.message}</td>
              </tr>
            `
          )}</tbody>
        </table>
      </div>
    `;
  return html`
    <ul class="cards" aria-label="Key figures">
      <li
        class="card"><span class="value" id="open-alert-count">${data.alerts
          .length}</span><span class="label">open alerts</span></li>
      <li
        class="card"><span class="value" id="requests-48h">${data.traffic.reduce(
          (n, t) => n + t.requests,
          0,
        )}</span><span class="label">predictions logged, 48 h</span></li>
      <li
        class="card"><span class="value" id="error-rate">${percent(
          counts.serverErrors,
          counts.requests,
        )}</span><span class="label">5xx since start (<span id="requests-since-start">${counts
          .requests}</span> requests, <span id="client-errors-since-start">${percent(
            counts.clientErrors,
            counts.requests,
          )}</span> 4xx)</span></li>
      <li
        class="card"><span class="value" id="log-queue">${log
          .queued}</span><span class="label">log queue (${log.spilled} spilled, ${log
          .dropped} dropped, ${log.failedWrites} failed writes)</span></li>
    </ul>
    <h2>Served models</h2>
    <div class="table-wrap" tabindex="0">
      <table id="served-models">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">role</th>
            <th scope="col">version</th>
            <th scope="col">loaded</th>
            <th scope="col">environment</th>
            <th scope="col">pinned by (pointer commit)</th>
            <th scope="col">model hash</th>
            <th scope="col">state</th>
          </tr>
        </thead>
        <tbody>${served}</tbody>
      </table>
    </div>
    <h2>Traffic and errors, last 48 hours</h2>
    <div class="grid">${trafficCharts(data.traffic)}${errorChart(data.requests)}</div>
    <h2>Open alerts</h2>
    ${alerts}
  `;
}
