/**
 * An Argo Rollouts AnalysisTemplate as its controller reads it: `{{args.x}}` placeholders
 * replaced, and each Prometheus measurement (the query's vector, as numbers) judged by the
 * metric's conditions. The conditions are held to one form, a threshold on the first sample
 * (`len(result) > 0 && result[0] <= 0.01`), which this judges the way Argo Rollouts' expression
 * language does.
 */
import assert from "node:assert/strict";

/** One metric of the template, as the manifest writes it. */
export interface AnalysisMetric {
  name: string;
  successCondition: string;
  failureCondition: string;
  provider: { prometheus: { address: string; query: string } };
}

/** What one measurement makes of a metric; inconclusive pauses the rollout for a human. */
export type Verdict = "Successful" | "Failed" | "Inconclusive";

/** `text` with every `{{args.x}}` replaced; each placeholder must be one of `args`. */
export function substituteArgs(text: string, args: Record<string, string>): string {
  const substituted = text.replaceAll(/\{\{args\.([\w-]+)\}\}/g, (_, name: string) => {
    assert.ok(name in args, `the template declares the arg ${name}`);
    return args[name];
  });
  assert.doesNotMatch(substituted, /\{\{/);
  return substituted;
}

/** The metric's threshold: success at or under it (`<=`) or exactly on it (`==`), failure over. */
export function thresholdOf(metric: AnalysisMetric): { op: "<=" | "=="; limit: number } {
  const success = /^len\(result\) > 0 && result\[0\] (<=|==) ([\d.]+)$/
    .exec(metric.successCondition);
  assert.ok(success, `${metric.name}: ${metric.successCondition}`);
  assert.equal(metric.failureCondition, `len(result) > 0 && result[0] > ${success[2]}`);
  return { op: success[1] as "<=" | "==", limit: Number(success[2]) };
}

/** The verdict on one measurement: no sample matches neither condition. */
export function judge(metric: AnalysisMetric, result: readonly number[]): Verdict {
  const { op, limit } = thresholdOf(metric);
  if (result.length === 0) return "Inconclusive";
  if (result[0] > limit) return "Failed";
  return (op === "<=" ? result[0] <= limit : result[0] === limit) ? "Successful" : "Inconclusive";
}
