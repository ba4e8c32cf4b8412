/**
 * Reference statistics as JSON (`format: "drift-reference-stats"`, version 1), to keep with a
 * model version. A numeric column's sorted distinct values and their counts are base64 of
 * little-endian float64 arrays (counts left out when every value occurs once); categories are
 * `[value, count]` pairs. Read back with zod, so a damaged file fails with its reason.
 * @module
 */
import { Buffer } from "node:buffer";
import { z } from "zod";
import { DriftInputError } from "../drift_input_error.ts";
import { columnMappingSchema } from "./column_mapping.ts";
import type { ColumnSummary } from "./column_summary.ts";
import type { ReferenceStats } from "./reference_stats.ts";

const toBase64 = (a: Float64Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
const fromBase64 = (s: string) => {
  const bytes = Buffer.from(s, "base64");
  return new Float64Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
};

const columnSchema = z.object({
  dtype: z.enum(["int64", "float64", "bool", "object"]),
  rows: z.number(),
  nulls: z.number(),
  positive_infinities: z.number(),
  negative_infinities: z.number(),
  numeric: z.object({
    count: z.number(),
    distinct: z.number(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    std: z.number().nullable(),
    histogram: z.tuple([z.array(z.number().nullable()), z.array(z.number())]),
    wasserstein_error: z.number(),
    values: z.string(),
    counts: z.string().optional(),
  }).optional(),
  categories: z.array(z.tuple([z.union([z.string(), z.boolean()]), z.number()])).optional(),
});

const statsSchema = z.object({
  format: z.literal("drift-reference-stats"),
  version: z.literal(1),
  rows: z.number(),
  names: z.array(z.string()),
  mapping: columnMappingSchema,
  vocabulary: z.array(z.string()).optional(),
  columns: z.record(z.string(), columnSchema),
});

/** The JSON form of reference statistics (NaN, as in an empty column, is written as null). */
export function statsToJson(stats: ReferenceStats) {
  const columns: Record<string, z.input<typeof columnSchema>> = {};
  for (const [name, s] of stats.columns) {
    const n = s.numeric, sample = s.sample;
    columns[name] = {
      dtype: s.dtype,
      rows: s.rows,
      nulls: s.nulls,
      positive_infinities: s.positiveInfinities,
      negative_infinities: s.negativeInfinities,
      ...(n && sample
        ? {
          numeric: {
            count: n.count,
            distinct: n.distinct,
            min: n.min,
            max: n.max,
            std: n.std,
            histogram: n.histogram,
            wasserstein_error: n.wassersteinError,
            values: toBase64(sample.values),
            ...(sample.counts.every((c) => c === 1) ? {} : { counts: toBase64(sample.counts) }),
          },
        }
        : {}),
      ...(s.categories ? { categories: s.categories as [string | boolean, number][] } : {}),
    };
  }
  return {
    format: "drift-reference-stats" as const,
    version: 1 as const,
    rows: stats.rows,
    names: stats.names,
    mapping: stats.mapping,
    ...(stats.vocabulary ? { vocabulary: stats.vocabulary } : {}),
    columns,
  };
}

/** Reference statistics from their JSON form; a DriftInputError naming what is wrong. */
export function statsFromJson(json: unknown, label: string): ReferenceStats {
  const parsed = statsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DriftInputError(
      `Cannot read ${label}: not drift reference statistics (${
        issue.path.join(".")
      }: ${issue.message})`,
    );
  }
  const columns = new Map<string, ColumnSummary>();
  for (const [name, c] of Object.entries(parsed.data.columns)) {
    const n = c.numeric;
    const values = n ? fromBase64(n.values) : undefined;
    columns.set(name, {
      dtype: c.dtype,
      rows: c.rows,
      nulls: c.nulls,
      positiveInfinities: c.positive_infinities,
      negativeInfinities: c.negative_infinities,
      ...(n && values
        ? {
          sample: {
            values,
            counts: n.counts ? fromBase64(n.counts) : new Float64Array(values.length).fill(1),
            total: n.count,
          },
          numeric: {
            count: n.count,
            distinct: n.distinct,
            min: n.min ?? NaN,
            max: n.max ?? NaN,
            std: n.std ?? NaN,
            histogram: [n.histogram[0].map((v) => v ?? NaN), n.histogram[1]],
            wassersteinError: n.wasserstein_error,
          },
        }
        : {}),
      ...(c.categories ? { categories: c.categories } : {}),
    });
  }
  const { rows, names, mapping, vocabulary } = parsed.data;
  return { rows, names, columns, mapping, ...(vocabulary ? { vocabulary } : {}) };
}
