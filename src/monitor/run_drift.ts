/**
 * What `deno task drift` does, apart from parsing flags: read the reference (a table or
 * reference statistics) and the current table, apply the column mapping and options files
 * (validated with zod), compare, and render the requested format. Every refusal is a
 * DriftInputError with a one-line message.
 * @module
 */
import type { z } from "zod";
import { readTable } from "./data/read_table.ts";
import { DriftInputError } from "./drift_input_error.ts";
import { type ColumnMapping, columnMappingSchema } from "./drift/column_mapping.ts";
import { compareToReference } from "./drift/compare.ts";
import { type DriftOptions, driftOptionsSchema } from "./drift/drift_options.ts";
import { type ReferenceStats, summariseReference } from "./drift/reference_stats.ts";
import { statsFromJson, statsToJson } from "./drift/stats_json.ts";
import { htmlReport } from "./report/html_report.ts";
import { legacyReport } from "./report/legacy_report.ts";
import { snapshotReport } from "./report/snapshot_report.ts";

/** The output formats of the drift CLI. */
export const driftFormats = ["legacy", "snapshot", "html", "stats"] as const;

/** One run of the drift CLI. */
export interface DriftRun {
  reference: string;
  current?: string;
  columnMapping?: string;
  options?: string;
  format: (typeof driftFormats)[number];
  /** Options given as flags, over those of the options file. */
  overrides?: DriftOptions;
  vocabulary?: string;
  maxDistinct?: number;
}

async function readJson<T extends z.ZodType>(
  path: string,
  schema: T,
  what: string,
): Promise<z.infer<T>> {
  let data: unknown;
  try {
    data = JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    const reason = error instanceof Deno.errors.NotFound
      ? "no such file"
      : (error as Error).message;
    throw new DriftInputError(`Cannot read the ${what} ${path}: ${reason}`);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? ` at "${issue.path.join(".")}"` : "";
  throw new DriftInputError(`Invalid ${what} ${path}${where}: ${issue.message}`);
}

async function reference(
  run: DriftRun,
  mapping: ColumnMapping | undefined,
): Promise<ReferenceStats> {
  if (/\.json$/i.test(run.reference)) {
    if (mapping) {
      throw new DriftInputError(
        `${run.reference} is reference statistics, which carry their own column mapping: drop --column-mapping`,
      );
    }
    const json = await Deno.readTextFile(run.reference).then(JSON.parse).catch((error) => {
      throw new DriftInputError(`Cannot read ${run.reference}: ${(error as Error).message}`);
    });
    return statsFromJson(json, run.reference);
  }
  const vocabulary = run.vocabulary
    ? (await Deno.readTextFile(run.vocabulary).catch(() => {
      throw new DriftInputError(`Cannot read the vocabulary ${run.vocabulary}`);
    })).split(/\r?\n/).map((w) => w.trim()).filter((w) => w !== "")
    : undefined;
  return summariseReference(await readTable(run.reference), mapping, {
    vocabulary,
    maxDistinct: run.maxDistinct,
  });
}

/** Runs the CLI's work: the report text and a warning line per column left out. */
export async function runDrift(run: DriftRun): Promise<{ output: string; warnings: string[] }> {
  const mapping = run.columnMapping
    ? await readJson(run.columnMapping, columnMappingSchema, "column mapping")
    : undefined;
  const fileOptions = run.options
    ? await readJson(run.options, driftOptionsSchema, "drift options")
    : {};
  const options: DriftOptions = { ...fileOptions, ...run.overrides };
  const stats = await reference(run, mapping);
  if (run.format === "stats") return { output: JSON.stringify(statsToJson(stats)), warnings: [] };
  if (!run.current) throw new DriftInputError("--current is required (except with --format stats)");
  const result = compareToReference(stats, await readTable(run.current), options);
  const warnings = result.skipped.map((s) => `warning: column "${s.column}" left out: ${s.reason}`);
  const output = run.format === "html" ? htmlReport(result) : JSON.stringify(
    run.format === "legacy" ? legacyReport(result) : snapshotReport(result, options),
  );
  return { output, warnings };
}
