/**
 * A stored report as one HTML page: the drift page drawn again from the two statistics the
 * report keeps (the same comparison, so the same page as at run time), followed by the
 * classification quality section. A report without a comparison (an empty window, a version
 * without reference statistics) shows its status and the quality section only.
 */
import { compareToReference } from "../drift/compare.ts";
import type { DriftOptions } from "../drift/drift_options.ts";
import { statsFromJson } from "../drift/stats_json.ts";
import { type QualityReport, renderQualityHtml } from "../quality/mod.ts";
import { htmlReport } from "../report/html_report.ts";

interface StoredBody {
  status?: string;
  summary?: { message?: string };
  drift_options?: DriftOptions;
  stats?: { reference: unknown; current: unknown } | null;
  quality_report?: QualityReport;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The parts of a whole page: what its `<style>` holds and what its `<body>` holds. */
function parts(page: string): { style: string; body: string } {
  const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? "";
  const body = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? "";
  return { style, body };
}

/** The HTML page of a stored report body (`drift_reports.report`). */
export function reportHtml(stored: Record<string, unknown>, title: string): string {
  const body = stored as StoredBody;
  const quality = body.quality_report ? parts(renderQualityHtml(body.quality_report)) : undefined;
  const section = quality
    ? `<section class="quality-section"><style>${quality.style}</style>${quality.body}</section>`
    : "";
  if (body.stats) {
    const reference = statsFromJson(body.stats.reference, "the report's reference statistics");
    const current = statsFromJson(body.stats.current, "the report's current statistics");
    const page = htmlReport(compareToReference(reference, current, body.drift_options ?? {}));
    return page.replace("</body>", `${section}</body>`);
  }
  const message = body.summary?.message ?? body.status ?? "no drift comparison";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${
    escapeHtml(title)
  }</title></head><body><h1>${escapeHtml(title)}</h1><p>${
    escapeHtml(message)
  }</p>${section}</body></html>\n`;
}
