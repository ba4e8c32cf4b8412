/**
 * Evidently's legacy `ColumnMapping` (the JSON a user passes with `--column-mapping`), with
 * Evidently's defaults: a column named `target` is the target, `prediction` the prediction and
 * `datetime` the timestamp unless the mapping says otherwise (null turns a default off).
 * Keys Evidently has but drift ignores are accepted and ignored; any other key is refused.
 * @module
 */
import { z } from "zod";

const names = z.array(z.string()).nullable().optional();

/** The mapping file's schema (validated at the CLI boundary). */
export const columnMappingSchema = z.object({
  target: z.string().nullable().optional(),
  prediction: z.union([z.string(), z.array(z.string())]).nullable().optional(),
  datetime: z.string().nullable().optional(),
  id: z.string().nullable().optional(),
  numerical_features: names,
  categorical_features: names,
  datetime_features: names,
  text_features: names,
  task: z.enum(["regression", "classification", "recsys"]).nullable().optional(),
  target_names: z.unknown().optional(),
  pos_label: z.unknown().optional(),
  embeddings: z.unknown().optional(),
  user_id: z.string().nullable().optional(),
  item_id: z.string().nullable().optional(),
  recommendations_type: z.string().nullable().optional(),
}).strict();

/** A column mapping as Evidently's `ColumnMapping` fields (snake_case, as users write them). */
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** The mapping with Evidently's defaults filled in. */
export interface ResolvedMapping {
  target: string | null;
  prediction: string | string[] | null;
  datetime: string | null;
  id: string | null;
  numerical: string[] | null;
  categorical: string[] | null;
  text: string[] | null;
  task: "regression" | "classification" | "recsys" | null;
}

/** Fills Evidently's defaults (`target`, `prediction`, `datetime`) into `mapping`. */
export function resolveMapping(mapping: ColumnMapping = {}): ResolvedMapping {
  const or = <T>(value: T | undefined, fallback: T) => value === undefined ? fallback : value;
  return {
    target: or(mapping.target, "target"),
    prediction: or(mapping.prediction, "prediction"),
    datetime: or(mapping.datetime, "datetime"),
    id: mapping.id ?? null,
    numerical: mapping.numerical_features ?? null,
    categorical: mapping.categorical_features ?? null,
    text: mapping.text_features ?? null,
    task: mapping.task ?? null,
  };
}

/** Every column the mapping names, with the field naming it (to check them against data). */
export function namedColumns(mapping: ColumnMapping): [string, string][] {
  const named: [string, string][] = [];
  for (const field of ["target", "datetime", "id"] as const) {
    const value = mapping[field];
    if (typeof value === "string") named.push([field, value]);
  }
  const prediction = mapping.prediction;
  for (const name of typeof prediction === "string" ? [prediction] : prediction ?? []) {
    named.push(["prediction", name]);
  }
  const lists = [
    "numerical_features",
    "categorical_features",
    "datetime_features",
    "text_features",
  ] as const;
  for (const field of lists) for (const name of mapping[field] ?? []) named.push([field, name]);
  return named;
}
