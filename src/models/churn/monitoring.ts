import {
  type MonitoredOutput,
  type MonitoringSpec,
  outputColumns,
} from "../../domain/monitoring_spec.ts";
import { type ChurnPreprocessing, numericColumns as numericFields } from "./preprocessing.ts";
import type { ChurnInput } from "./schema.ts";

const categoryFields = ["contract_type", "payment_method"] as const;

const numberOrNull = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
const textOrNull = (value: unknown) => typeof value === "string" ? value : null;

/** The churn columns a drift report compares: every input field and the model's answer. */
export function churnMonitoringColumns(
  input: ChurnInput,
  outputs: Readonly<Record<string, MonitoredOutput>>,
): Record<string, unknown> {
  const fields = input as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const name of numericFields) row[name] = numberOrNull(fields[name]);
  for (const name of categoryFields) row[name] = textOrNull(fields[name]);
  return { ...row, ...outputColumns(outputs) };
}

/** Churn's monitoring: the customer's fields, the predicted class and its confidence. */
export const churnMonitoring: MonitoringSpec<ChurnInput, ChurnPreprocessing> = {
  columns: churnMonitoringColumns,
  mapping: {
    numerical_features: [...numericFields, "confidence_churn"],
    categorical_features: [...categoryFields, "prediction_churn"],
    text_features: [],
  },
};
