import {
  classBars,
  confusionHeatmap,
  escapeHtml,
  formatDelta,
  formatMetric,
} from "./quality_html_parts.ts";
import type { HeadQuality, HeadQualityResult, QualityReport } from "./quality_types.ts";

const style = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.75rem 0}td,th{padding:.3rem .6rem;border:1px solid #ddd;text-align:right}
th{background:#f5f5f5}h3{font-size:1rem;margin:1.2rem 0 .3rem}
.heatmap td{min-width:3rem;text-align:center}.up{color:#1a7f37}.down{color:#c62828}
.note{color:#555}.empty{padding:1rem;background:#fff8e1;border:1px solid #f0d78c}
.key{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 .8rem}svg text{font-size:12px}
svg .value{font-size:10px;fill:#555}figure{margin:0}`;

const summaryRows: [label: string, key: keyof HeadQuality["current"], higherIsBetter: boolean][] = [
  ["Accuracy", "accuracy", true],
  ["Precision (macro)", "precision", true],
  ["Recall (macro)", "recall", true],
  ["F1 (macro)", "f1", true],
  ["ROC AUC", "rocAuc", true],
  ["Log loss", "logLoss", false],
];

function summaryTable(head: HeadQuality): string {
  const rows = summaryRows.map(([label, key, higherIsBetter]) => {
    const current = head.current[key] as number | null;
    const reference = head.reference?.[key] as number | null | undefined;
    const delta = head.delta?.[key as keyof NonNullable<HeadQuality["delta"]>];
    return `<tr><th>${label}</th><td>${formatMetric(current)}</td><td>${
      formatMetric(reference)
    }</td><td>${formatDelta(delta, higherIsBetter)}</td></tr>`;
  }).join("");
  return `<h3>Window against the version's test metrics</h3><table>` +
    `<tr><th></th><th>window</th><th>version test</th><th>delta</th></tr>${rows}</table>`;
}

function aucNote(head: HeadQuality): string {
  const accuracy = head.rocAucAccuracy;
  if (!accuracy) return "";
  return accuracy.method === "exact"
    ? `<p class="note">ROC AUC computed from every score (exact).</p>`
    : `<p class="note">ROC AUC from score histograms: within ±${
      accuracy.errorBound.toExponential(2)
    } of the exact value.</p>`;
}

function headSection(head: HeadQualityResult): string {
  const title = `<h2>Head “${escapeHtml(head.head)}”</h2>`;
  if (head.status === "no_feedback") {
    return `${title}<p class="empty">No feedback in this window: nothing to score.</p>`;
  }
  const threshold = head.threshold === null ? "" : `, threshold ${formatMetric(head.threshold)}`;
  const skipped = head.skipped > 0 ? `, ${head.skipped} with an unknown label left out` : "";
  return `${title}<p>${head.n} labelled predictions${threshold}${skipped}.</p>` +
    summaryTable(head) + aucNote(head) + confusionHeatmap(head) + classBars(head);
}

/**
 * The quality report as one self-contained HTML page: inline CSS and SVG, no script, no
 * external resource, and only aggregates (never a row). Per head: the window against the
 * version's test metrics with deltas, a confusion-matrix heatmap, and per-class bars.
 */
export function renderQualityHtml(report: QualityReport): string {
  const title = `Classification quality: ${report.modelName} ${report.modelVersion}`;
  const summary = report.status === "no_feedback"
    ? `<p class="empty">No feedback in this window: quality is unknown, not zero.</p>`
    : `<p>${report.n} labelled predictions over ${report.heads.length} head(s).</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>` +
    `<h1>${escapeHtml(title)}</h1><p class="note">Predictions made from ${
      escapeHtml(report.windowStart)
    } to ${escapeHtml(report.windowEnd)} (end excluded), with the feedback received for them.</p>` +
    summary + report.heads.map(headSection).join("") + `</body></html>\n`;
}
