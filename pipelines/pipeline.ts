/**
 * The whole data-science pipeline on embedded defaults, steps 1 to 7:
 * generate -> features -> snapshot (dvc add data) -> quality -> train + evaluate -> register
 * (gate, dvc add models, dvc push, promote to the model pointer).
 *   deno task pipeline [--tickets 80000] [--customers 10000] [--seed 42] [--max-epochs N]
 *   deno task pipeline --workspace-data [--max-epochs N]   (train on data/ as pulled: steps 4-7)
 *   deno task pipeline --source synthetic|own|mixed   (tickets: generated, ingested, or both)
 */
import { parseArgs } from "node:util";
import { loadConfig, readEnvironment } from "../src/shared/config.ts";
import { positiveInt, runMain } from "../src/cli.ts";
import { withDatabase } from "../src/cli_database.ts";
import { generationFlags, generationOptions } from "./generation_flags.ts";
import { printRegistrations } from "../src/pipeline/register.ts";
import { runPipeline } from "../src/pipeline/run_pipeline.ts";
import { parseTrainingSource } from "../src/pipeline/training_rows.ts";

/** Runs the pipeline with the flags in `args`; `defaultSeed` replaces 42 when `--seed` is absent. */
export async function pipelineMain(args: string[], defaultSeed?: number): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...generationFlags,
      "max-epochs": { type: "string" },
      "workspace-data": { type: "boolean", default: false },
      source: { type: "string" },
    },
  });
  const config = loadConfig(readEnvironment());
  const generation = generationOptions({ ...values, seed: values.seed ?? defaultSeed?.toString() });
  const result = await withDatabase((db) =>
    runPipeline(db, {
      root: Deno.cwd(),
      remoteUrl: config.DVC_REMOTE_URL,
      pointerPath: config.MODEL_POINTER_PATH,
      ...generation,
      workspaceData: values["workspace-data"],
      source: parseTrainingSource(values.source),
      maxEpochs: values["max-epochs"]
        ? positiveInt("max-epochs", values["max-epochs"], 0)
        : undefined,
    })
  );
  printRegistrations(result);
}

if (import.meta.main) await runMain(() => pipelineMain(Deno.args));
