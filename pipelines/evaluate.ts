/**
 * Step 6 on its own: reload a stored version, re-score it on the test split of the current
 * `data/` (same seed as its card) and check the result against its `metrics.json`: a
 * reloaded model must reproduce its recorded metrics exactly.
 *   deno task evaluate --model churn --version <v>
 */
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { evaluateVersion } from "../src/pipeline/evaluate.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { model: { type: "string" }, version: { type: "string" } },
    });
    if (!values.model || !values.version) throw new Error("--model and --version are required");
    const results = await evaluateVersion(Deno.cwd(), values.model, values.version);
    for (const { head, scores, matchesStored } of results) {
      console.log(
        `${head}: accuracy ${scores.accuracy.toFixed(4)} macro-F1 ${scores.macro.f1.toFixed(4)}` +
          (scores.rocAuc === undefined ? "" : ` ROC AUC ${scores.rocAuc.toFixed(4)}`) +
          (matchesStored ? "  (identical to metrics.json)" : "  (DIFFERS from metrics.json)"),
      );
    }
    if (results.some((r) => !r.matchesStored)) Deno.exit(1);
  });
}
