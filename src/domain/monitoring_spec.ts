/**
 * What monitoring needs of a model: the columns one request contributes to a drift report,
 * and how they are typed. Training summarises its test split with the same function the
 * monitor applies to logged predictions, so the two sides of a comparison cannot disagree.
 */

/** The label and confidence one head answered: enough for prediction drift. */
export interface MonitoredOutput {
  label: string;
  confidence: number;
}

/** How the monitoring columns are typed (Evidently's column mapping, in its own words). */
export interface MonitoringMapping {
  numerical_features: string[];
  categorical_features: string[];
  /** Free text, compared through descriptors (length, language, out-of-vocabulary share). */
  text_features: string[];
}

/** A model's monitoring columns; `Input` as clients send it, `Prep` its preprocessing. */
export interface MonitoringSpec<Input, Prep> {
  /**
   * One request and its champion's outputs (by head) as a flat row. Inputs read back from
   * the log are untyped JSON, so a missing or mistyped field becomes null, never a throw.
   */
  columns(
    input: Input,
    outputs: Readonly<Record<string, MonitoredOutput>>,
  ): Record<string, unknown>;
  mapping: MonitoringMapping;
  /** Words the model knows (for the out-of-vocabulary share of text columns). */
  vocabulary?(preprocessing: Prep): string[];
}

/** `prediction_<head>` and `confidence_<head>` of every head: the model's side of a row. */
export function outputColumns(
  outputs: Readonly<Record<string, MonitoredOutput>>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [head, output] of Object.entries(outputs)) {
    row[`prediction_${head}`] = output.label;
    row[`confidence_${head}`] = output.confidence;
  }
  return row;
}

/** Whether a monitoring column is one of the model's outputs (prediction drift). */
export const isOutputColumn = (name: string): boolean =>
  name.startsWith("prediction_") || name.startsWith("confidence_");
