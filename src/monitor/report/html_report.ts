/**
 * The drift result as one self-contained HTML page: the verdict, a table of columns (drifted
 * first) and, per column, reference and current distributions drawn with uPlot, whose browser
 * bundle and stylesheet are inlined from the npm package (no CDN, nothing fetched). Only
 * binned shares reach the page, never a row.
 * @module
 */
import uplotScript from "uplot/dist/uPlot.iife.min.js" with { type: "text" };
import uplotStyle from "uplot/dist/uPlot.min.css" with { type: "text" };
import type { DriftResult } from "../drift/compare.ts";
import { chartData } from "./chart_data.ts";
import { drawCharts } from "./html_client.ts";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON safe inside a script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
const number = (x: number) => Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x);

const style = `body{font:14px system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}
.drift{color:#b00020;font-weight:600}.ok{color:#1b5e20}.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:1rem}
section{border:1px solid #ddd;border-radius:6px;padding:.5rem}h2{font-size:1rem;margin:.2rem 0}.note{color:#666}`;

/** The HTML page of a drift result. */
export function htmlReport(result: DriftResult): string {
  const columns = [...result.columns].sort((a, b) => Number(b.drifted) - Number(a.drifted));
  const rows = columns.map((c) =>
    `<tr><td>${escape(c.column)}</td><td>${c.type}</td><td>${escape(c.test.displayName)}</td><td>${
      number(c.threshold)
    }</td><td>${number(c.score)}</td><td class="${c.drifted ? "drift" : "ok"}">${
      c.drifted ? "drift" : "no drift"
    }</td></tr>`
  ).join("\n");
  const skipped = result.skipped.map((s) => `<li>${escape(s.column)}: ${escape(s.reason)}</li>`);
  const sections = columns.map((c, i) =>
    `<section><h2>${escape(c.column)} <span class="${c.drifted ? "drift" : "ok"}">${
      c.drifted ? "drift" : "no drift"
    }</span></h2><div id="chart-${i}"></div></section>`
  ).join("\n");
  const charts = columns.map((c) => ({ title: c.column, ...chartData(c) }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data drift report</title>
<style>${uplotStyle}\n${style}</style></head><body>
<h1>Data drift</h1>
<p class="${result.datasetDrift ? "drift" : "ok"}">${
    result.datasetDrift ? "Dataset drift detected" : "No dataset drift"
  }: ${result.numberOfDriftedColumns} of ${result.numberOfColumns} columns drifted (share ${
    number(result.shareOfDriftedColumns)
  }, drift when at least ${result.driftShare}).</p>
<table><thead><tr><th>column</th><th>type</th><th>test</th><th>threshold</th><th>score</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>
${skipped.length ? `<p class="note">Left out:</p><ul>${skipped.join("")}</ul>` : ""}
<p class="note">Shares of each side's values per bin (numerical) or per value (categorical).</p>
<div class="charts">${sections}</div>
<script>${uplotScript}</script>
<script>(${drawCharts.toString()})(${scriptJson(charts)});</script>
</body></html>
`;
}
