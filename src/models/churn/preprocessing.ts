import { z } from "zod";
import { clip, tukeyFences } from "../../ml/quality/quality_outliers.ts";
import type { ChurnFeatures, ChurnInput } from "./schema.ts";
import { contractTypes, paymentMethods } from "../../domain/customer.ts";

/** Numeric inputs, in the order of the model's first columns. */
export const numericColumns = [
  "tenure",
  "monthly_charges",
  "total_charges",
  "complaints",
  "usage_minutes",
  "age",
  "income",
] as const satisfies readonly (keyof ChurnInput)[];

type NumericColumn = (typeof numericColumns)[number];

const NumericStatsSchema = z.object({
  median: z.number(),
  fences: z.object({ low: z.number(), high: z.number() }),
  mean: z.number(),
  std: z.number().positive(),
});

/** Fitted on the training split only and saved with the model (validated on load). */
export const ChurnPreprocessingSchema = z.object({
  kind: z.literal("standardize-onehot"),
  numeric: z.object(
    Object.fromEntries(numericColumns.map((column) => [column, NumericStatsSchema])) as Record<
      NumericColumn,
      typeof NumericStatsSchema
    >,
  ),
  contractTypes: z.array(z.string()).min(1),
  paymentMethods: z.array(z.string()).min(1),
  /** One flag per numeric input, 1 when absent; versions trained before the flags have none. */
  missingIndicators: z.boolean().default(false),
});

export type ChurnPreprocessing = z.infer<typeof ChurnPreprocessingSchema>;

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Fits imputation, outlier fences (values beyond are clipped, not dropped) and scaling. */
export function fitChurnPreprocessing(inputs: readonly ChurnFeatures[]): ChurnPreprocessing {
  const numeric = Object.fromEntries(numericColumns.map((column) => {
    const values = inputs.map((input) => input[column]).filter((v): v is number => v != null)
      .sort((a, b) => a - b);
    // A column never filled in training carries no signal: it encodes as a constant 0.
    if (values.length === 0) {
      return [column, { median: 0, fences: { low: 0, high: 0 }, mean: 0, std: 1 }];
    }
    const fences = tukeyFences(values, 3);
    const clipped = values.map((value) => clip(value, fences));
    const mean = clipped.reduce((sum, v) => sum + v, 0) / clipped.length;
    const variance = clipped.reduce((sum, v) => sum + (v - mean) ** 2, 0) / clipped.length;
    return [column, { median: median(values), fences, mean, std: Math.sqrt(variance) || 1 }];
  })) as ChurnPreprocessing["numeric"];
  return {
    kind: "standardize-onehot",
    numeric,
    contractTypes: [...contractTypes],
    paymentMethods: [...paymentMethods],
    missingIndicators: true,
  };
}

/** The fields a request left out, which the preprocessing fills in. */
export function missingFeatures(input: ChurnFeatures): string[] {
  return [...numericColumns, "contract_type" as const, "payment_method" as const]
    .filter((field) => input[field] == null);
}

/**
 * The model's input vector for one customer: standardised numbers (an absent one at the
 * training median), their missing flags, then one-hots (all 0 for an absent category).
 */
export function churnVector(preprocessing: ChurnPreprocessing, input: ChurnFeatures): number[] {
  const vector = numericColumns.map((column) => {
    const stats = preprocessing.numeric[column];
    const value = clip(input[column] ?? stats.median, stats.fences);
    return (value - stats.mean) / stats.std;
  });
  if (preprocessing.missingIndicators) {
    for (const column of numericColumns) vector.push(input[column] == null ? 1 : 0);
  }
  for (const category of preprocessing.contractTypes) {
    vector.push(input.contract_type === category ? 1 : 0);
  }
  for (const category of preprocessing.paymentMethods) {
    vector.push(input.payment_method === category ? 1 : 0);
  }
  return vector;
}

/** Width of {@link churnVector}. */
export function churnVectorWidth(preprocessing: ChurnPreprocessing): number {
  const flags = preprocessing.missingIndicators ? numericColumns.length : 0;
  return numericColumns.length + flags + preprocessing.contractTypes.length +
    preprocessing.paymentMethods.length;
}
