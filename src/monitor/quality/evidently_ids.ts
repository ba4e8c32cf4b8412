import { createHash } from "node:crypto";

/**
 * Evidently 0.7's metric ids, so a snapshot of ours and one of Evidently's name the same
 * metric alike. Evidently fingerprints a metric as the md5 of its class path followed by
 * Python's `repr` of the tuple of its non-default fields, `(('name', value),)`; the
 * classification metrics' only non-default field here is `probas_threshold`.
 * @module
 */

/** Python's `repr` of a float: `1.0` not `1`, `5e-05` not `0.00005`. */
export function pythonFloat(value: number): string {
  const abs = Math.abs(value);
  if (value === 0 || (abs >= 1e-4 && abs < 1e16)) {
    return Number.isInteger(value) ? `${value}.0` : String(value);
  }
  // Python switches to exponents below 1e-4 and pads the exponent to two digits.
  const [mantissa, exponent] = value.toExponential().split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  return `${mantissa}e${sign}${exponent.replace(/^[-+]/, "").padStart(2, "0")}`;
}

/** The id Evidently gives `metrics.classification.<name>` with these non-default fields. */
export function evidentlyMetricId(
  name: string,
  fields: ReadonlyArray<readonly [string, number]>,
): string {
  const parts = fields.map(([field, value]) => `('${field}', ${pythonFloat(value)})`);
  const tuple = parts.length === 0
    ? "()"
    : parts.length === 1
    ? `(${parts[0]},)`
    : `(${parts.join(", ")})`;
  return createHash("md5").update(`evidently.metrics.classification.${name}${tuple}`)
    .digest("hex");
}
