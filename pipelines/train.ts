/**
 * Steps 5 and 6: train with TensorFlow.js (hyper-parameter search, early stopping) and
 * evaluate against a linear reference and the majority baseline; writes the version to
 * `models/<name>/<version>/` (model.json, weights, preprocessing, metrics.json, card.json).
 *   deno task train [--model churn] [--seed 42] [--max-epochs 12] [--source synthetic|own|mixed]
 */
import { parseArgs } from "node:util";
import { formatEvaluation, formatHoldout } from "../src/ml/training/format_evaluation.ts";
import { catalog } from "../src/models/catalog.ts";
import { positiveInt, runMain } from "../src/cli.ts";
import { trainModel } from "../src/pipeline/train.ts";
import { parseTrainingSource } from "../src/pipeline/training_rows.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: {
        model: { type: "string" },
        seed: { type: "string" },
        "max-epochs": { type: "string" },
        source: { type: "string" },
      },
    });
    const options = {
      seed: positiveInt("seed", values.seed, 42),
      maxEpochs: values["max-epochs"]
        ? positiveInt("max-epochs", values["max-epochs"], 0)
        : undefined,
      source: parseTrainingSource(values.source),
    };
    for (const name of values.model ? [values.model] : Object.keys(catalog)) {
      const { version, dir, outcome, holdout } = await trainModel(Deno.cwd(), name, options);
      console.log(formatEvaluation(name, outcome.evaluations));
      if (holdout) console.log(formatHoldout(holdout));
      console.log(`Trained ${name} ${version} in ${outcome.seconds.toFixed(1)} s -> ${dir}`);
    }
  });
}
