/**
 * Step 7: gate, version and publish. Each new version is judged against the majority
 * baseline and the currently pinned version; the verdict is printed and stored in its
 * metrics.json. Then `dvc add models` (models.dvc) and `dvc push`; with --promote, versions
 * that pass are written to the model pointer.
 *   deno task register --model churn --version <v> [--promote] [--no-push]
 */
import { parseArgs } from "node:util";
import { loadConfig, readEnvironment } from "../src/shared/config.ts";
import { runMain } from "../src/cli.ts";
import { ensureDvcProject } from "../src/dvc/mod.ts";
import { printRegistrations, register } from "../src/pipeline/register.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: {
        model: { type: "string" },
        version: { type: "string" },
        promote: { type: "boolean", default: false },
        "no-push": { type: "boolean", default: false },
      },
    });
    if (!values.model || !values.version) throw new Error("--model and --version are required");
    const config = loadConfig(readEnvironment());
    // Push where the pipeline pushes: DVC_REMOTE_URL, kept in .dvc/config.local.
    await ensureDvcProject(Deno.cwd(), config.DVC_REMOTE_URL);
    const result = await register(Deno.cwd(), {
      versions: [{ name: values.model, version: values.version }],
      pointerPath: config.MODEL_POINTER_PATH,
      promote: values.promote,
      push: !values["no-push"],
    });
    printRegistrations(result);
    if (result.registrations.some((r) => !r.verdict.promotable)) Deno.exit(3);
  });
}
