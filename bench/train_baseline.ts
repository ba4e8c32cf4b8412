/**
 * The baseline of `deno task bench:train --baseline <revision>`: the ticket model trained by
 * that revision's own code (its `pipelines/train.ts`, in a detached worktree with its own
 * `node_modules`) on the benchmark's data, then scored by today's code on the same test split
 * and hand-written set. Today's code loads the versions older revisions saved, as a rollback to
 * one does, so both sides are scored by one implementation.
 */
import { join } from "node:path";
import { loadVersion } from "../src/ml/training/model_store.ts";
import { scoreHoldout } from "../src/ml/training/holdout.ts";
import { type TicketRow, ticketTriage } from "../src/models/ticket_triage/model.ts";
import {
  type Baseline,
  checkoutBaseline,
  removeBaseline,
  resolveRevision,
} from "./serve_baseline.ts";
import type { Split } from "../src/ml/training/split.ts";
import { defaultGeneration } from "../src/shared/generation_defaults.ts";
import { writeDataset } from "./bench_support.ts";
import type { BaselineBench } from "./train_results.ts";

/** Runs the baseline's training of ticket-triage in `workspace` (its `data/tickets.jsonl`). */
async function trainThere(baseline: Baseline, workspace: string): Promise<string> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--config",
      join(baseline.dir, "deno.json"),
      join(baseline.dir, "pipelines/train.ts"),
      "--model",
      ticketTriage.name,
      "--seed",
      String(defaultGeneration.seed),
    ],
    cwd: workspace,
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(900_000),
  }).output();
  if (!output.success) {
    throw new Error(
      `${baseline.short}'s training failed: ${new TextDecoder().decode(output.stderr).trim()}`,
    );
  }
  const modelDir = join(workspace, "models", ticketTriage.name);
  const [version] = await Array.fromAsync(Deno.readDir(modelDir));
  return join(modelDir, version.name);
}

/**
 * Trains ticket-triage with `revision`'s code on `tickets` (in a worktree under `dir`, removed
 * at the end) and scores it on the split's test part and the hand-written rows as today's code
 * scores its own model.
 */
export async function trainBaseline(
  revision: string,
  dir: string,
  tickets: { rows: readonly TicketRow[]; split: Split },
  handwritten: readonly TicketRow[],
): Promise<BaselineBench> {
  const resolved = await resolveRevision(revision);
  console.log(`Training ticket-triage with the code of ${resolved.short} ...`);
  const baseline = await checkoutBaseline(resolved, dir);
  try {
    const workspace = join(dir, "baseline-workspace");
    await Deno.mkdir(join(workspace, "data"), { recursive: true });
    await writeDataset(join(workspace, "data"), ticketTriage.name, tickets.rows, tickets.split);
    const stored = await loadVersion(await trainThere(baseline, workspace), ticketTriage);
    try {
      const score = (rows: readonly TicketRow[]) =>
        scoreHoldout(ticketTriage, stored.preprocessing, stored.model, rows, [undefined, undefined])
          .map((head) => head.model);
      const test = score(tickets.split.test.map((i) => tickets.rows[i]));
      const heldOut = score(handwritten);
      return {
        commit: resolved.commit,
        short: resolved.short,
        subject: resolved.subject,
        seconds: stored.card.training_seconds,
        test: { topic: test[0].macro.f1, urgency: test[1].macro.f1 },
        handwritten: { topic: heldOut[0].macro.f1, urgency: heldOut[1].macro.f1 },
        criticalRecall: heldOut[1].perClass.critical.recall,
      };
    } finally {
      stored.model.dispose();
    }
  } finally {
    await removeBaseline(baseline.dir);
  }
}
