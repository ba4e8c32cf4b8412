/** The drift page: each model's latest report, drifted columns first, both sides' distributions. */
import { html } from "hono/html";
import type { DriftReportSummary } from "../../db/mod.ts";
import type { ReportColumn } from "../../monitor/mod.ts";
import { chart, shown } from "./chart.ts";
import type { Html } from "./layout.ts";

/** A model's latest report and its columns. */
export interface DriftPageReport {
  report: DriftReportSummary;
  columns: ReportColumn[];
}

/** Columns drawn per report: drifted ones come first, the table lists every column. */
const chartedColumns = 8;

function reportSection(entry: DriftPageReport): Html {
  const { report, columns } = entry;
  const summary = (report.summary ?? {}) as { status?: string; requests?: number };
  const slug = report.modelName.replace(/[^a-z0-9]+/gi, "-");
  return html`<section aria-labelledby="drift-${slug}"><h2 id="drift-${slug}">${report.modelName} ${report.modelVersion}</h2>
<p>Window ${report.windowStart.toISOString()} to ${report.windowEnd.toISOString()} (${
    summary.requests ?? 0
  } requests), status ${summary.status ?? "ok"}:
<span class="${report.driftDetected ? "bad" : "good"}" id="drift-verdict-${slug}">${
    report.driftDetected ? "drift detected" : "no dataset drift"
  }</span>, drifted share <span id="drift-share-${slug}">${shown(report.driftShare)}</span>.
<a href="/dashboard/reports/${report.id}">Full HTML report</a> ·
<a href="/dashboard/reports/${report.id}/json">JSON report</a></p>
${
    columns.length === 0 ? html`<p class="muted">No drift comparison in this report.</p>` : html`
      <div class="table-wrap" tabindex="0">
        <table id="drift-columns-${slug}">
          <thead>
            <tr>
              <th scope="col">column</th>
              <th scope="col">type</th>
              <th scope="col">test</th>
              <th scope="col" class="num">score</th>
              <th scope="col" class="num">threshold</th>
              <th scope="col">verdict</th>
            </tr>
          </thead>
          <tbody>${columns.map((c) =>
            html`
              <tr>
                <th scope="row">${c.column}</th>
                <td>${c.type}</td>
                <td>${c.test}</td>
                <td class="num">${shown(c.score)}</td>
                <td class="num">${shown(c.threshold)}</td>
                <td class="${c.drifted ? "bad" : "good"}">${c.drifted ? "drift" : "no drift"}</td>
              </tr>
            `
          )}</tbody>
        </table>
      </div>
      <div class="grid">${columns.slice(0, chartedColumns).map((c, i) =>
        chart(
          `chart-drift-${slug}-${i}`,
          `${c.column}: reference vs current${c.drifted ? " (drift)" : ""}`,
          {
            x: c.chart.labels.map((_, k) => k),
            labels: c.chart.labels.map((l) => typeof l === "number" ? shown(l) : l),
            xLabel: c.chart.kind === "num" ? "bin start" : "value",
            yLabel: "share",
            series: [
              { label: "reference", kind: "bars", values: c.chart.reference },
              { label: "current", kind: "bars", values: c.chart.current },
            ],
          },
        )
      )}</div>
    `
  }</section>`;
}

/** The drift page's content. */
export function driftPage(reports: DriftPageReport[]): Html {
  if (reports.length === 0) {
    return html`
      <p
        class="muted">No monitoring report yet: the monitor stores one per model and window (deno task monitor).</p>
    `;
  }
  return html`${reports.map(reportSection)}`;
}
