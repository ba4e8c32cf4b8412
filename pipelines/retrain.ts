/**
 * Retraining on fresh data: the whole pipeline (pipeline.ts) with a seed of its own, so the
 * generate step adds rows no earlier run drew, and register's gate promotes only a version
 * that passes (against the baseline and the pinned version), as any pipeline run.
 * What a dataset-drift or accuracy alert runs when RETRAIN_ON_ALERT=local.
 *   deno task retrain [--seed N] [--tickets N] [--customers N] [--max-epochs N]
 */
import { runMain } from "../src/cli.ts";
import { pipelineMain } from "./pipeline.ts";

/**
 * A seed from the clock: a new one every second, positive and within 32 bits (the
 * generators' mulberry32 state). Printed, so a run can be repeated with `--seed`.
 */
export function freshSeed(now: number = Date.now()): number {
  return Math.floor(now / 1000) % 2_147_483_647 + 1;
}

if (import.meta.main) {
  await runMain(async () => {
    const seed = freshSeed();
    if (!Deno.args.some((arg) => arg === "--seed" || arg.startsWith("--seed="))) {
      console.log(`retrain: fresh data with seed ${seed} (repeat with --seed ${seed})`);
    }
    await pipelineMain(Deno.args, seed);
  });
}
