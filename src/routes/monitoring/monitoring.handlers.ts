import type { AppRouteHandlers } from "../../http/create_router.ts";
import { fromDatabase } from "../../http/database_errors.ts";
import {
  type Database,
  type DriftReportSummary,
  findDriftReport,
  latestDriftReports,
  listDriftReports,
} from "../../db/mod.ts";
import { NotFoundError } from "../../domain/errors.ts";
import { HttpError } from "../../http/http_error.ts";
import { catalog } from "../../models/catalog.ts";
import { reportHtml } from "../../monitor/mod.ts";
import type * as routes from "./monitoring.routes.ts";

/** Lists show this many reports of a history unless `?limit=` says otherwise. */
const defaultHistory = 20;

function summaryOf(report: DriftReportSummary) {
  const summary = (report.summary ?? {}) as {
    status?: string;
    drifted_columns?: string[];
    accuracy?: Record<string, number | null>;
    no_feedback?: boolean;
  };
  return {
    id: report.id,
    model: report.modelName,
    version: report.modelVersion,
    window: { start: report.windowStart.toISOString(), end: report.windowEnd.toISOString() },
    status: summary.status ?? "ok",
    drift_detected: report.driftDetected,
    drift_share: report.driftShare,
    drifted_columns: summary.drifted_columns ?? [],
    accuracy: summary.accuracy ?? {},
    no_feedback: summary.no_feedback ?? true,
    created_at: report.createdAt.toISOString(),
  };
}

/** The monitoring handlers: reports stored by the monitor, read back. */
export function monitoringHandlers(db: Database): AppRouteHandlers<typeof routes> {
  return {
    listReports: async (c) => {
      const { model, limit } = c.req.valid("query");
      if (model !== undefined && !catalog[model]) throw new NotFoundError("model", model);
      const reports = await fromDatabase(() =>
        model === undefined && limit === undefined
          ? latestDriftReports(db)
          : listDriftReports(db, model, limit ?? defaultHistory)
      );
      return c.json({ reports: reports.map(summaryOf) }, 200);
    },
    getReport: async (c) => {
      const { id } = c.req.valid("param");
      const { format } = c.req.valid("query");
      const stored = await fromDatabase(() => findDriftReport(db, id));
      if (!stored) throw new NotFoundError("report", id);
      const report = stored.report;
      if (format === "html") {
        return c.html(reportHtml(report, `Monitoring: ${stored.modelName} ${stored.modelVersion}`));
      }
      if (format === "json") return c.json(report, 200);
      const drift = format === "legacy" ? report.drift : report.snapshot;
      // An empty window or a version without reference statistics has no drift report.
      if (!drift) {
        const status = String((report as { status?: string }).status ?? "no comparison");
        throw new HttpError(404, "not_found", `Report "${id}" has no drift comparison (${status})`);
      }
      return c.json(drift as Record<string, unknown>, 200);
    },
  };
}
