/**
 * A stored report's columns for a page other than its own HTML (the dashboard): each tested
 * column's verdict and both sides' distributions, drifted columns first, drawn again from the
 * two statistics the report keeps, like `reportHtml`.
 */
import { compareToReference } from "../drift/compare.ts";
import type { DriftOptions } from "../drift/drift_options.ts";
import { statsFromJson } from "../drift/stats_json.ts";
import { type ChartData, chartData } from "../report/chart_data.ts";

/** One tested column of a report. */
export interface ReportColumn {
  column: string;
  type: string;
  test: string;
  threshold: number;
  score: number;
  drifted: boolean;
  /** Both sides' shares per bin (numerical) or per value (categorical). */
  chart: ChartData;
}

interface StoredBody {
  drift_options?: DriftOptions;
  stats?: { reference: unknown; current: unknown } | null;
}

/** The columns of a stored report body, drifted first; none without a drift comparison. */
export function reportColumns(stored: Record<string, unknown>): ReportColumn[] {
  const body = stored as StoredBody;
  if (!body.stats) return [];
  const reference = statsFromJson(body.stats.reference, "the report's reference statistics");
  const current = statsFromJson(body.stats.current, "the report's current statistics");
  const result = compareToReference(reference, current, body.drift_options ?? {});
  return result.columns
    .map((c) => ({
      column: c.column,
      type: c.type,
      test: c.test.displayName,
      threshold: c.threshold,
      score: c.score,
      drifted: c.drifted,
      chart: chartData(c),
    }))
    .sort((a, b) => Number(b.drifted) - Number(a.drifted));
}
