import type { HeadEvaluation } from "./evaluate.ts";
import type { GateVerdict } from "./gate.ts";
import type { HoldoutEvaluation } from "./holdout.ts";

const f = (value: number | undefined) => value === undefined ? "   -  " : value.toFixed(4);

/** A compact table: per head, model vs linear reference vs majority baseline. */
export function formatEvaluation(name: string, evaluations: readonly HeadEvaluation[]): string {
  const lines = [`${name}: test metrics (model | reference | baseline)`];
  for (const e of evaluations) {
    lines.push(
      `  ${e.head.padEnd(8)} accuracy ${f(e.model.accuracy)} | ${f(e.reference.accuracy)} | ${
        f(e.baseline.accuracy)
      }   macro-F1 ${f(e.model.macro.f1)} | ${f(e.reference.macro.f1)} | ${
        f(e.baseline.macro.f1)
      }` +
        (e.model.rocAuc === undefined
          ? ""
          : `   ROC AUC ${f(e.model.rocAuc)} | ${f(e.reference.rocAuc)}   threshold ${
            f(e.threshold)
          }`),
    );
  }
  return lines.join("\n");
}

/** The independent set's line: per head, macro-F1 and, for urgency, recall of the urgent levels. */
export function formatHoldout(holdout: HoldoutEvaluation): string {
  const heads = holdout.heads.map(({ head, model }) => {
    const urgent = ["critical", "high"].filter((level) => model.perClass[level])
      .map((level) => ` (${level} recall ${f(model.perClass[level].recall)})`).join("");
    return `${head} macro-F1 ${f(model.macro.f1)}${urgent}`;
  });
  return `  ${holdout.name} set (${holdout.rows} rows, never trained on): ${heads.join(", ")}`;
}

/** The gate's verdict, one line per head and a conclusion. */
export function formatVerdict(name: string, version: string, verdict: GateVerdict): string {
  return [
    ...verdict.checks.map((c) => `  ${c.passed ? "✓" : "✗"} ${c.head}: ${c.reason}`),
    verdict.promotable
      ? `Gate: ${name} ${version} is promotable`
      : `Gate: ${name} ${version} is NOT promotable`,
  ].join("\n");
}
