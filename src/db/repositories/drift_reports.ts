import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { driftReports } from "../schema.ts";

/** A stored monitoring report. */
export type DriftReport = typeof driftReports.$inferSelect;
/** A report to store. */
export type NewDriftReport = typeof driftReports.$inferInsert;

/** A report without its body: what lists and gauges read. */
export interface DriftReportSummary {
  id: string;
  modelName: string;
  modelVersion: string;
  windowStart: Date;
  windowEnd: Date;
  driftDetected: boolean;
  driftShare: number;
  /** `report.summary`: status, drifted columns, accuracy per head (written by the monitor). */
  summary: Record<string, unknown> | null;
  createdAt: Date;
}

const summaryColumns = {
  id: driftReports.id,
  modelName: driftReports.modelName,
  modelVersion: driftReports.modelVersion,
  windowStart: driftReports.windowStart,
  windowEnd: driftReports.windowEnd,
  driftDetected: driftReports.driftDetected,
  driftShare: driftReports.driftShare,
  // Only the small summary leaves the database, not the statistics the report holds.
  summary: sql<Record<string, unknown> | null>`${driftReports.report} -> 'summary'`,
  createdAt: driftReports.createdAt,
};

/** Stores a report; returns its id. */
export async function insertDriftReport(db: Database, report: NewDriftReport): Promise<string> {
  const [row] = await db.insert(driftReports).values(report).returning({ id: driftReports.id });
  return row.id;
}

/** The report `id`, or undefined. */
export async function findDriftReport(db: Database, id: string): Promise<DriftReport | undefined> {
  const [row] = await db.select().from(driftReports).where(eq(driftReports.id, id)).limit(1);
  return row;
}

/** The newest report of each model (or of `model` only), newest first. */
export async function latestDriftReports(
  db: Database,
  model?: string,
): Promise<DriftReportSummary[]> {
  const rows = await db.selectDistinctOn([driftReports.modelName], summaryColumns)
    .from(driftReports)
    .where(model === undefined ? undefined : eq(driftReports.modelName, model))
    .orderBy(driftReports.modelName, desc(driftReports.createdAt), desc(driftReports.id));
  return rows.map(normalise).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** The `limit` newest reports of `model`, newest first. */
export async function listDriftReports(
  db: Database,
  model: string | undefined,
  limit: number,
): Promise<DriftReportSummary[]> {
  const rows = await db.select(summaryColumns).from(driftReports)
    .where(and(model === undefined ? undefined : eq(driftReports.modelName, model)))
    .orderBy(desc(driftReports.createdAt), desc(driftReports.id))
    .limit(limit);
  return rows.map(normalise);
}

function normalise(row: DriftReportSummary): DriftReportSummary {
  // A driver may hand jsonb back as text.
  const summary = typeof row.summary === "string" ? JSON.parse(row.summary) : row.summary;
  return { ...row, summary };
}
