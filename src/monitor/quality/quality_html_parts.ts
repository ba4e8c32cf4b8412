/**
 * The pieces of the quality page: escaping, number formats, the confusion-matrix heatmap and
 * the per-class bars. Plain HTML and inline SVG, no script, so the page needs nothing else.
 * @module
 */
import type { HeadQuality } from "./quality_types.ts";

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML content and attribute values (labels come from model files). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]);

/** A metric to 4 decimals, or an em dash when unknown. */
export const formatMetric = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? "—" : value.toFixed(4);

/** A signed delta, coloured by whether higher is better. */
export function formatDelta(value: number | null | undefined, higherIsBetter = true): string {
  if (value === null || value === undefined) return "—";
  const good = higherIsBetter ? value >= 0 : value <= 0;
  const sign = value > 0 ? "+" : "";
  return `<span class="${good ? "up" : "down"}">${sign}${value.toFixed(4)}</span>`;
}

/**
 * The window's confusion matrix as a table whose cells shade with the share of their true
 * class (row-normalised, so a rare class's errors show as clearly as a common one's).
 */
export function confusionHeatmap(head: HeadQuality): string {
  const matrix = head.current.confusionMatrix;
  const header = head.classes.map((label) => `<th>${escapeHtml(label)}</th>`).join("");
  const rows = matrix.map((row, t) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    const cells = row.map((count, p) => {
      const share = total === 0 ? 0 : count / total;
      const hue = t === p ? 140 : 5;
      const style = `background:hsla(${hue},70%,45%,${(0.08 + 0.82 * share).toFixed(3)})`;
      return `<td style="${style}" title="${(share * 100).toFixed(1)}% of ${
        escapeHtml(head.classes[t])
      }">${count}</td>`;
    }).join("");
    return `<tr><th>${escapeHtml(head.classes[t])}</th>${cells}</tr>`;
  }).join("");
  return `<h3>Confusion matrix (rows: truth, columns: prediction)</h3>` +
    `<table class="heatmap"><tr><th></th>${header}</tr>${rows}</table>`;
}

const barColours = { precision: "#4c78a8", recall: "#f58518", f1: "#54a24b" } as const;

/** Precision, recall and F1 per class as horizontal bars (inline SVG), with each support. */
export function classBars(head: HeadQuality): string {
  const rowHeight = 42;
  const labelWidth = 150;
  const barWidth = 360;
  const bars = head.classes.map((label, i) => {
    const scores = head.current.perClass[label];
    const y = i * rowHeight + 4;
    const lines = (["precision", "recall", "f1"] as const).map((metric, j) => {
      const width = scores[metric] * barWidth;
      const top = y + j * 12;
      return `<rect x="${labelWidth}" y="${top}" height="10" width="${width.toFixed(1)}" ` +
        `fill="${barColours[metric]}"><title>${metric}</title></rect>` +
        `<text class="value" x="${(labelWidth + width + 4).toFixed(1)}" y="${top + 9}">` +
        `${scores[metric].toFixed(3)}</text>`;
    }).join("");
    return `<text x="0" y="${y + 20}">${escapeHtml(label)} (n=${scores.support})</text>${lines}`;
  }).join("");
  const legend = Object.entries(barColours).map(([metric, colour]) =>
    `<span class="key" style="background:${colour}"></span>${metric}`
  ).join(" ");
  const size = `width="${labelWidth + barWidth + 50}" height="${
    head.classes.length * rowHeight + 8
  }"`;
  return `<h3>Per class (window)</h3><figure><svg role="img" ` +
    `aria-label="Per-class precision, recall and F1" ${size}>${bars}</svg>` +
    `<figcaption>${legend}</figcaption></figure>`;
}
