/**
 * The classification-quality result of a window, per head, beside the served version's test
 * metrics. Plain JSON: it is what the Evidently-style renderers and the HTML page read.
 * @module
 */

/** One class: scikit-learn's `precision_recall_fscore_support` plus its one-vs-rest ROC AUC. */
export interface ClassQuality {
  precision: number;
  recall: number;
  f1: number;
  /** True rows of the class. */
  support: number;
  /** One-vs-rest; null when undefined (the class is always or never the truth) or unknown. */
  rocAuc: number | null;
}

/** The quality of one head on one set of rows (the window, or the version's test split). */
export interface QualityMetrics {
  /** Rows counted. */
  n: number;
  accuracy: number;
  /**
   * Macro averages over the classes seen in the truth or the predictions, as scikit-learn's
   * default labels and Evidently do: a class absent from both has no precision to average.
   */
  precision: number;
  recall: number;
  f1: number;
  /** Binary heads: of the positive class; others: the mean one-vs-rest AUC of the classes where it is defined. */
  rocAuc: number | null;
  /** Mean cross-entropy of the scores; null when unknown. */
  logLoss: number | null;
  /** Every class of the head, in its order (support 0 for a class the rows never show). */
  perClass: Record<string, ClassQuality>;
  /** `confusionMatrix[t][p]`: rows of true `classes[t]` predicted as `classes[p]`. */
  confusionMatrix: number[][];
}

/** How exact the window's ROC AUC is: see `ScoreHistogram` for the bound. */
export interface RocAucAccuracy {
  method: "exact" | "histogram";
  /** |rocAuc - scikit-learn's value on the same rows| <= errorBound (0 when exact). */
  errorBound: number;
}

/** Window minus reference, per summary metric; null where either side is unknown. */
export interface QualityDelta {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number | null;
  logLoss: number | null;
}

/** A head with labelled rows in the window. */
export interface HeadQuality {
  head: string;
  status: "ok";
  /** Labelled rows counted. */
  n: number;
  /** Feedback rows left out: a label that is not one of the head's classes. */
  skipped: number;
  /** The model's class order (the served version's codec). */
  classes: string[];
  /** Binary heads: the class whose probability the threshold applies to (`classes[1]`). */
  positiveClass: string | null;
  /** Binary heads: the version's decision threshold on P(positive), when known. */
  threshold: number | null;
  current: QualityMetrics;
  rocAucAccuracy: RocAucAccuracy | null;
  /** The version's test metrics (`metrics.json`), when given. */
  reference: QualityMetrics | null;
  delta: QualityDelta | null;
}

/** A head without feedback in the window: said so, not scored as zeros. */
export interface NoFeedback {
  head: string;
  status: "no_feedback";
  n: 0;
}

/** A head's result. */
export type HeadQualityResult = HeadQuality | NoFeedback;

/** The quality of one served version over one window. */
export interface QualityReport {
  modelName: string;
  modelVersion: string;
  /** ISO 8601, inclusive. */
  windowStart: string;
  /** ISO 8601, exclusive. */
  windowEnd: string;
  /** "no_feedback" when no head has a labelled row. */
  status: "ok" | "no_feedback";
  /** Labelled rows over every head. */
  n: number;
  heads: HeadQualityResult[];
  /** How the window was read. */
  read: ReadStats;
}

/** How a window was read: evidence that memory stayed bounded by a page. */
export interface ReadStats {
  pages: number;
  rows: number;
  /** The most rows one page held; the accumulator keeps none of them. */
  largestPage: number;
  /** Rows of a head the model does not have. */
  unknownHead: number;
}
