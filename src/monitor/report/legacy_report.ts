/**
 * The drift result as Evidently's legacy `Report([DataDriftPreset()]).as_dict()`: a
 * `DatasetDriftMetric` with the data set's counts and a `DataDriftTable` with one entry per
 * column (its type, test display name, threshold, score, verdict and small distributions).
 * @module
 */
import type { DriftResult } from "../drift/compare.ts";
import { type SmallDistribution, smallDistributions } from "./distributions.ts";

/** One column of the legacy drift table. */
export interface LegacyColumn {
  column_name: string;
  column_type: "num" | "cat";
  stattest_name: string;
  stattest_threshold: number;
  drift_score: number;
  drift_detected: boolean;
  current: { small_distribution: SmallDistribution };
  reference: { small_distribution: SmallDistribution };
}

/** Evidently's legacy report dictionary for a drift result. */
export function legacyReport(result: DriftResult) {
  const counts = {
    number_of_columns: result.numberOfColumns,
    number_of_drifted_columns: result.numberOfDriftedColumns,
    share_of_drifted_columns: result.shareOfDriftedColumns,
    dataset_drift: result.datasetDrift,
  };
  const byColumn: Record<string, LegacyColumn> = {};
  for (const drift of result.columns) {
    const [reference, current] = smallDistributions(drift);
    byColumn[drift.column] = {
      column_name: drift.column,
      column_type: drift.type,
      stattest_name: drift.test.displayName,
      stattest_threshold: drift.threshold,
      drift_score: drift.score,
      drift_detected: drift.drifted,
      current: { small_distribution: current },
      reference: { small_distribution: reference },
    };
  }
  return {
    metrics: [
      { metric: "DatasetDriftMetric", result: { drift_share: result.driftShare, ...counts } },
      {
        metric: "DataDriftTable",
        result: { ...counts, drift_by_columns: byColumn, current_fi: null, reference_fi: null },
      },
    ],
  };
}
