/**
 * The drift result in the shape of Evidently 0.7's current API,
 * `Report([DataDriftPreset()]).run(current, reference).dict()`: a `DriftedColumnsCount`
 * metric and one `ValueDrift` per column, each with Evidently's id (md5 of its class path and
 * set fields), its readable name and its config, and an empty list of tests. The columns,
 * tests and scores are the legacy engine's (docs/monitoring.md says where the two APIs type
 * columns differently).
 * @module
 */
import type { DriftResult } from "../drift/compare.ts";
import type { DriftOptions } from "../drift/drift_options.ts";
import { requestedTest, requestedThreshold } from "../drift/drift_options.ts";
import { pythonFloatRepr } from "../drift/python_values.ts";
import { metricId, type PythonValue } from "./python_repr.ts";

const classPath = "evidently.metrics.column_statistics.";

/** `Type(field=value,...)` as Evidently names a metric from its config. */
function metricName(config: Record<string, PythonValue>): string {
  const items = Object.entries(config).flatMap(([field, value]) => {
    if (
      field === "type" || value === null || (typeof value === "object" && !Array.isArray(value))
    ) {
      return [];
    }
    if (Array.isArray(value)) return value.length > 0 ? [`${field}=${value.join(",")}`] : [];
    return [`${field}=${typeof value === "number" ? pythonFloatRepr(value) : value}`];
  });
  return `${String(config.type).split(":").pop()}(${items.join(",")})`;
}

/** The preset options as DriftedColumnsCount's fields, in its field order. */
function countFields(options: DriftOptions, share: number): [string, PythonValue][] {
  const fields: [string, PythonValue | undefined][] = [
    ["columns", options.columns],
    ["drift_share", share],
    ["method", options.stattest],
    ["cat_method", options.cat_stattest],
    ["num_method", options.num_stattest],
    ["text_method", options.text_stattest],
    ["per_column_method", options.per_column_stattest],
    ["threshold", options.stattest_threshold],
    ["cat_threshold", options.cat_stattest_threshold],
    ["num_threshold", options.num_stattest_threshold],
    ["text_threshold", options.text_stattest_threshold],
    ["per_column_threshold", options.per_column_stattest_threshold],
  ];
  return fields.filter((f): f is [string, PythonValue] => f[1] !== undefined && f[1] !== null);
}

/** Evidently's snapshot dictionary for a drift result. */
export function snapshotReport(result: DriftResult, options: DriftOptions = {}) {
  const fields = countFields(options, result.driftShare);
  const count = {
    id: metricId(
      `${classPath}DriftedColumnsCount`,
      fields.filter(([name, v]) => name !== "drift_share" || v !== 0.5),
    ),
    metric_name: "",
    config: { type: "evidently:metric_v2:DriftedColumnsCount", ...Object.fromEntries(fields) },
    value: { count: result.numberOfDriftedColumns, share: result.shareOfDriftedColumns },
  };
  count.metric_name = metricName(count.config);
  const drifts = result.columns.map((drift) => {
    const method = requestedTest(options, drift.column, drift.type);
    const threshold = requestedThreshold(options, drift.column, drift.type);
    const idFields: [string, PythonValue][] = [["column", drift.column]];
    if (method !== null) idFields.push(["method", method]);
    if (threshold !== null) idFields.push(["threshold", threshold]);
    const config = {
      type: "evidently:metric_v2:ValueDrift",
      column: drift.column,
      method: method ?? drift.test.displayName,
      threshold: drift.threshold,
    };
    return {
      id: metricId(`${classPath}ValueDrift`, idFields),
      metric_name: metricName(config),
      config,
      value: drift.score,
    };
  });
  return { metrics: [count, ...drifts], tests: [] };
}
