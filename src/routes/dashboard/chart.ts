/**
 * A chart as the page carries it: the numbers as JSON in `data-chart` (drawn by
 * `assets/dashboard.js` with uPlot) and the same numbers in a table, the accessible
 * alternative to the canvas and what a reader can copy.
 * @module
 */
import { html } from "hono/html";
import type { Html } from "./layout.ts";

/** One series of a chart. */
export interface ChartSeries {
  label: string;
  /** One value per x; null where there is none. */
  values: (number | null)[];
  kind?: "line" | "bars" | "points";
  dashed?: boolean;
  /** On the second y axis, at the right (another unit than the left one's). */
  right?: boolean;
}

/** What `assets/dashboard.js` draws. */
export interface ChartSpec {
  /** Unix seconds when `time`, otherwise numbers; category indices when `labels` is set. */
  x: number[];
  labels?: string[];
  time?: boolean;
  xLabel?: string;
  yLabel?: string;
  /** The right axis' label, for series drawn on it. */
  y2Label?: string;
  yRange?: [number, number];
  xRange?: [number, number];
  series: ChartSeries[];
}

/** An x range half a step around time points (one point alone is not a span of years). */
export function timeRange(x: readonly number[], stepSeconds: number): [number, number] {
  return [Math.min(...x) - stepSeconds / 2, Math.max(...x) + stepSeconds / 2];
}

/** Four significant digits at most, as the tables show numbers. */
export const shown = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? "–"
    : Number(value.toPrecision(4)).toString();

const xText = (spec: ChartSpec, i: number) =>
  spec.labels?.[i] ??
    (spec.time
      ? new Date(spec.x[i] * 1000).toISOString().replace(":00.000Z", "Z")
      : shown(spec.x[i]));

/** A figure with `id`, its caption, the chart and its numbers. */
export function chart(id: string, caption: string, spec: ChartSpec): Html {
  return html`
    <figure id="${id}" data-chart="${JSON.stringify(spec)}">
      <figcaption>${caption}</figcaption>
      <div class="plot" role="img"
        aria-label="${caption}: chart of the values in the table below"></div>
      <details>
        <summary>Values</summary>
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr><th scope="col">${spec.xLabel ?? "x"}</th>${spec.series.map((s) =>
                html`<th scope="col" class="num">${s.label}</th>`
              )}</tr>
            </thead>
            <tbody>${spec.x.map((_, i) =>
              html`<tr><th scope="row">${xText(spec, i)}</th>${
                spec.series.map((s) => html`<td class="num">${shown(s.values[i])}</td>`)
              }</tr>`
            )}</tbody>
          </table>
        </div>
      </details>
    </figure>
  `;
}
