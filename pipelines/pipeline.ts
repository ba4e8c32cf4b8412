/**
 * The whole data-science pipeline on embedded defaults, steps 1 to 7:
 * generate -> features -> snapshot (dvc add data) -> quality -> train + evaluate -> register
 * (gate, dvc add models, dvc push, promote to the model pointer).
 *   deno task pipeline [--tickets 20000] [--customers 10000] [--seed 42] [--max-epochs N]
 */
import { parseArgs } from "node:util";
import { loadConfig, readEnvironment } from "../src/shared/config.ts";
import { positiveInt, runMain, withDatabase } from "../src/cli.ts";
import { generationFlags, generationOptions } from "./generation_flags.ts";
import { printRegistrations } from "../src/pipeline/register.ts";
import { runPipeline } from "../src/pipeline/run_pipeline.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { ...generationFlags, "max-epochs": { type: "string" } },
    });
    const config = loadConfig(readEnvironment());
    const result = await withDatabase((db) =>
      runPipeline(db, {
        root: Deno.cwd(),
        remoteUrl: config.DVC_REMOTE_URL,
        pointerPath: config.MODEL_POINTER_PATH,
        ...generationOptions(values),
        maxEpochs: values["max-epochs"]
          ? positiveInt("max-epochs", values["max-epochs"], 0)
          : undefined,
      })
    );
    printRegistrations(result);
  });
}
