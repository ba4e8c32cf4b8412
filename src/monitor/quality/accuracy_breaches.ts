import type { QualityReport } from "./quality_types.ts";

/** A head whose window accuracy fell below the threshold: what an accuracy alert carries. */
export interface AccuracyBreach {
  modelName: string;
  modelVersion: string;
  head: string;
  accuracy: number;
  minAccuracy: number;
  /** Labelled rows the accuracy is measured on. */
  n: number;
  /** The version's test accuracy, when known. */
  testAccuracy: number | null;
}

/** When an accuracy alert is due. */
export interface AccuracyThreshold {
  /** Alert below this accuracy (0..1). */
  minAccuracy: number;
  /** Fewer labelled rows than this say too little to alert on; default 1. */
  minFeedback?: number;
}

/**
 * The heads of a report whose accuracy is below `minAccuracy` on at least `minFeedback`
 * labelled rows. A head without feedback never breaches: its accuracy is unknown, not 0.
 */
export function accuracyBreaches(
  report: QualityReport,
  { minAccuracy, minFeedback = 1 }: AccuracyThreshold,
): AccuracyBreach[] {
  return report.heads.flatMap((head) =>
    head.status === "ok" && head.n >= minFeedback && head.current.accuracy < minAccuracy
      ? [{
        modelName: report.modelName,
        modelVersion: report.modelVersion,
        head: head.head,
        accuracy: head.current.accuracy,
        minAccuracy,
        n: head.n,
        testAccuracy: head.reference?.accuracy ?? null,
      }]
      : []
  );
}
