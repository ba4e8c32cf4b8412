/**
 * The metrics diff of a pointer change, as Markdown: per model whose champion changes, the
 * gated metric and every head's test metrics of the served version beside the new one. The
 * retraining pull request's body and its job summary.
 */
import { gateMetric } from "../ml/training/gate.ts";
import type { HeadEvaluation } from "../ml/training/evaluate.ts";
import type { ModelPointer } from "./pointer.ts";
import type { VersionStore } from "./version_store.ts";

/** One champion that changes, with both versions' metrics (`before` absent for a first pin). */
export interface ChampionChange {
  name: string;
  before?: { version: string; heads: readonly HeadEvaluation[] };
  after: { version: string; heads: readonly HeadEvaluation[] };
}

/** The champions `next` changes from `current`, with their metrics. */
export async function championChanges(
  store: VersionStore,
  current: ModelPointer,
  next: ModelPointer,
): Promise<ChampionChange[]> {
  const changes: ChampionChange[] = [];
  for (const [name, pinned] of Object.entries(next.models)) {
    const was = current.models[name]?.version;
    if (was === pinned.version) continue;
    const after = await store.metrics(next.models_dvc_md5!, name, pinned.version);
    const before = was && current.models_dvc_md5
      ? await store.metrics(current.models_dvc_md5, name, was)
      : undefined;
    changes.push({
      name,
      before: before && was ? { version: was, heads: before.heads } : undefined,
      after: { version: pinned.version, heads: after.heads },
    });
  }
  return changes;
}

const fmt = (value: number | undefined) => value === undefined ? "–" : value.toFixed(4);
const delta = (after: number | undefined, before: number | undefined) =>
  after === undefined || before === undefined
    ? ""
    : ` (${after - before >= 0 ? "+" : ""}${(after - before).toFixed(4)})`;

/** The Markdown of the changes, headed by `title`. */
export function formatMetricsDiff(title: string, changes: readonly ChampionChange[]): string {
  const lines = [`### ${title}`, ""];
  if (changes.length === 0) lines.push("No champion changes.");
  for (const change of changes) {
    const served = change.before?.version ?? "nothing served";
    lines.push(`#### ${change.name}: \`${served}\` → \`${change.after.version}\``, "");
    lines.push("| head | metric | served | new |", "| --- | --- | --- | --- |");
    for (const head of change.after.heads) {
      const old = change.before?.heads.find((h) => h.head === head.head);
      const gated = gateMetric(head);
      const rows: [string, number | undefined, number | undefined][] = [
        [`${gated.name} (gated)`, old ? gateMetric(old).value : undefined, gated.value],
        ["accuracy", old?.model.accuracy, head.model.accuracy],
        ["macro F1", old?.model.macro.f1, head.model.macro.f1],
        ["log loss", old?.model.logLoss, head.model.logLoss],
      ];
      for (const [metric, before, after] of rows) {
        lines.push(
          `| ${head.head} | ${metric} | ${fmt(before)} | ${fmt(after)}${delta(after, before)} |`,
        );
      }
    }
    lines.push("");
  }
  return lines.join("\n").trimEnd() + "\n";
}
