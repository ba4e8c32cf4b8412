/** The overview: what is served, traffic and latency per hour, the log's health, open alerts. */
import { html } from "hono/html";
import type { Alert, TrafficHour } from "../../db/mod.ts";
import type { WriterStats } from "../../serving/scrape_gauges.ts";
import { chart, shown, timeRange } from "./chart.ts";
import type { Html } from "./layout.ts";

/** A model as the overview lists it. */
export interface ServedSummary {
  name: string;
  champion?: { version: string; since: Date; modelHash?: string; environment?: string | null };
  challenger?: { version: string };
  problem?: string;
}

/** Requests the server answered since it started, from its Prometheus counters. */
export interface RequestCounts {
  requests: number;
  clientErrors: number;
  serverErrors: number;
}

/** What the overview shows. */
export interface OverviewData {
  models: ServedSummary[];
  traffic: TrafficHour[];
  counts: RequestCounts;
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
  return html`<div class="grid">${
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
  }</div>`;
}

/** The overview page's content. */
export function overviewPage(data: OverviewData): Html {
  const { counts, log } = data;
  const served = data.models.map((m) =>
    html`
      <tr>
        <th scope="row">${m.name}</th>
        <td>${m.champion?.version ?? "–"}</td>
        <td>${m.champion ? m.champion.since.toISOString() : "–"}</td>
        <td>${m.champion?.environment ?? "–"}</td>
        <td><code>${m.champion?.modelHash?.slice(0, 12) ?? "–"}</code></td>
        <td>${m.challenger?.version ?? "–"}</td>
        <td>${m.problem
          ? html`<span class="bad">${m.problem}</span>`
          : html`<span class="good">serving</span>`}</td>
      </tr>
    `
  );
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
        )}</span><span class="label">5xx since start (${counts.requests} requests, ${percent(
          counts.clientErrors,
          counts.requests,
        )} 4xx)</span></li>
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
            <th scope="col">champion</th>
            <th scope="col">since</th>
            <th scope="col">environment</th>
            <th scope="col">model hash</th>
            <th scope="col">challenger</th>
            <th scope="col">state</th>
          </tr>
        </thead>
        <tbody>${served}</tbody>
      </table>
    </div>
    <h2>Traffic, last 48 hours</h2>
    ${trafficCharts(data.traffic)}
    <h2>Open alerts</h2>
    ${alerts}
  `;
}
