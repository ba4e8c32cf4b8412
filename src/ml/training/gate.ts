import type { HeadEvaluation } from "./evaluate.ts";

/** The metric a head is gated on: ROC AUC for binary heads, macro F1 otherwise. */
export function gateMetric(evaluation: HeadEvaluation): { name: string; value: number } {
  return evaluation.model.rocAuc === undefined
    ? { name: "macro_f1", value: evaluation.model.macro.f1 }
    : { name: "roc_auc", value: evaluation.model.rocAuc };
}

/** The majority baseline's value of the same metric (a constant scorer has AUC 0.5). */
function baselineValue(evaluation: HeadEvaluation): number {
  return evaluation.model.rocAuc === undefined ? evaluation.baseline.macro.f1 : 0.5;
}

/**
 * Margins over the baseline. Macro F1 needs a wide one: a model trained on shuffled labels
 * still beats the majority baseline's macro F1 (which scores one class) by up to ~0.1.
 */
export const defaultGatePolicy = { margin: { macro_f1: 0.2, roc_auc: 0.1 }, tolerance: 0.01 };

/** One head's check against the baseline and against the pinned version. */
export interface GateCheck {
  head: string;
  metric: string;
  value: number;
  baseline: number;
  pinned?: number;
  passed: boolean;
  reason: string;
}

/** The verdict printed by the register step and stored in `metrics.json`. */
export interface GateVerdict {
  promotable: boolean;
  pinnedVersion: string | null;
  checks: GateCheck[];
}

/**
 * The pinned version a new one is judged against; without `evaluations` it could not be had
 * (a first run's stand-in build), so it is named but not compared.
 */
export interface PinnedEvaluations {
  version: string;
  evaluations?: readonly HeadEvaluation[];
}

/**
 * A new version is promotable when every head beats the baseline by the margin and is not
 * worse than the pinned version's same head beyond the tolerance.
 */
export function judge(
  evaluations: readonly HeadEvaluation[],
  pinned: PinnedEvaluations | undefined,
  policy = defaultGatePolicy,
): GateVerdict {
  const checks = evaluations.map((evaluation): GateCheck => {
    const { name, value } = gateMetric(evaluation);
    const baseline = baselineValue(evaluation);
    const margin = policy.margin[name as keyof typeof policy.margin];
    const pinnedHead = pinned?.evaluations?.find((e) => e.head === evaluation.head);
    const pinnedValue = pinnedHead ? gateMetric(pinnedHead).value : undefined;
    const fmt = (n: number) => n.toFixed(4);
    const versusBaseline = `${name} ${fmt(value)} vs baseline ${fmt(baseline)} (margin ${margin})`;
    const versusPinned = !pinned
      ? "no other version pinned to compare with"
      : !pinned.evaluations
      ? `pinned ${pinned.version} could not be had, not compared`
      : pinnedValue === undefined
      ? `pinned ${pinned.version} has no ${evaluation.head} head to compare with`
      : `pinned ${pinned.version} ${fmt(pinnedValue)} (tolerance ${policy.tolerance})`;
    const beatsBaseline = value >= baseline + margin;
    const keepsUp = pinnedValue === undefined || value >= pinnedValue - policy.tolerance;
    const verdict = !beatsBaseline
      ? "does not beat the baseline by the margin"
      : !keepsUp
      ? "is worse than the pinned version beyond the tolerance"
      : "passes";
    return {
      head: evaluation.head,
      metric: name,
      value,
      baseline,
      pinned: pinnedValue,
      passed: beatsBaseline && keepsUp,
      reason: `${verdict}: ${versusBaseline}; ${versusPinned}`,
    };
  });
  return {
    promotable: checks.every((check) => check.passed),
    pinnedVersion: pinned?.version ?? null,
    checks,
  };
}
