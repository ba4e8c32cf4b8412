import { binaryRates, hasScores, seenClasses, summaryScores } from "./evidently_fields.ts";
import type {
  HeadQuality,
  HeadQualityResult,
  NoFeedback,
  QualityMetrics,
} from "./quality_types.ts";

/** One entry of Evidently's legacy `Report.as_dict()["metrics"]`. */
export interface LegacyMetric {
  metric: string;
  result: Record<string, unknown>;
}

/** A head as Evidently's legacy `Report(metrics=[ClassificationPreset()]).as_dict()`. */
export interface LegacyQualityDict {
  metrics: LegacyMetric[];
}

function qualityBlock(head: HeadQuality, metrics: QualityMetrics) {
  const none = { tpr: null, tnr: null, fpr: null, fnr: null };
  return {
    accuracy: metrics.accuracy,
    ...summaryScores(head, metrics),
    roc_auc: metrics.rocAuc,
    log_loss: metrics.logLoss,
    ...(head.positiveClass === null ? none : binaryRates(metrics.confusionMatrix)),
  };
}

function byClassBlock(head: HeadQuality, metrics: QualityMetrics) {
  const entries = seenClasses(metrics, head.classes).map((label) => {
    const { precision, recall, f1, rocAuc, support } = metrics.perClass[label];
    return [label, { precision, recall, f1, roc_auc: rocAuc, support }] as const;
  });
  const aucs = head.classes.map((label) => metrics.perClass[label].rocAuc);
  return {
    metrics: Object.fromEntries(entries),
    roc_aucs: aucs.some((auc) => auc !== null) ? aucs : null,
  };
}

const matrixBlock = (head: HeadQuality, metrics: QualityMetrics) => ({
  labels: head.classes,
  values: metrics.confusionMatrix,
});

/**
 * A head's result in the structure and field names of Evidently 0.7's legacy classification
 * preset: current = the window, reference = the version's test metrics (null without them).
 * Where ours differs: matrix labels are every class in the model's order (Evidently: the
 * labels seen, sorted), labels are strings, and the score plots' data and the PR table, which
 * need every score, are left out (their entries keep Evidently's empty results). A head
 * without feedback is `{ status: "no_feedback", n: 0 }`.
 */
export function legacyQualityDict(head: HeadQualityResult): LegacyQualityDict | NoFeedback {
  if (head.status === "no_feedback") return head;
  const reference = head.reference;
  const metrics: LegacyMetric[] = [
    {
      metric: "ClassificationQualityMetric",
      result: {
        current: qualityBlock(head, head.current),
        reference: reference && qualityBlock(head, reference),
        target_name: head.head,
      },
    },
    { metric: "ClassificationClassBalance", result: {} },
    {
      metric: "ClassificationConfusionMatrix",
      result: {
        current_matrix: matrixBlock(head, head.current),
        reference_matrix: reference && matrixBlock(head, reference),
        target_names: null,
      },
    },
    {
      metric: "ClassificationQualityByClass",
      result: {
        columns: columnsBlock(head.head),
        current: byClassBlock(head, head.current),
        reference: reference && byClassBlock(head, reference),
      },
    },
  ];
  if (hasScores(head)) {
    metrics.push(
      { metric: "ClassificationClassSeparationPlot", result: { target_name: head.head } },
      { metric: "ClassificationProbDistribution", result: {} },
      { metric: "ClassificationRocCurve", result: {} },
      { metric: "ClassificationPRCurve", result: {} },
    );
  }
  metrics.push({ metric: "ClassificationQualityByFeatureTable", result: emptyFeatureTable });
  return { metrics };
}

const emptyFeatureTable = { target_name: "", columns: [] };

const columnsBlock = (target: string) => ({
  utility_columns: { date: null, id: null, target, prediction: "prediction" },
  num_feature_names: [],
  cat_feature_names: [],
  text_feature_names: [],
  datetime_feature_names: [],
  target_names: null,
});
