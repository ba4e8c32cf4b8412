import type { Config } from "../shared/config.ts";
import type { DatabaseHandle } from "../db/mod.ts";
import type { Logger } from "../shared/logger.ts";
import { dvcExecutable, installDvcCli } from "../dvc/mod.ts";
import type { ModelRuntime } from "./registry/runtime.ts";
import { defaultGeneration } from "../shared/generation_defaults.ts";

async function dvcOnPath(): Promise<boolean> {
  try {
    return (await new Deno.Command("dvc", { args: ["--version"], stdout: "null", stderr: "null" })
      .output()).success;
  } catch {
    return false;
  }
}

/**
 * On a fresh clone the pinned artifacts may not be reachable (no DVC remote from this
 * machine). Rather than serve nothing, say so and build new versions of the missing models
 * (only those: a served model keeps its pin) with the pipeline on embedded defaults, judged
 * on the baseline alone where a pinned version cannot be compared, and pin them in the
 * pointer (a change `git diff` shows), then load them; later starts find them in the
 * workspace. They stay in the local DVC cache: a stand-in built on one machine is not
 * pushed. Aborting `signal` (a shutdown) stops the pipeline before its next step or training
 * epoch; the pointer is only written at the end, so the next start builds again. With
 * `DATABASE_URL` set it builds nothing unless `AUTO_BUILD_MODELS=true`: the pipeline's
 * synthetic data must not land in a shared database.
 */
export async function buildMissingModels(
  config: Config,
  database: DatabaseHandle,
  logger: Logger,
  runtime: ModelRuntime,
  signal: AbortSignal,
): Promise<void> {
  const missing = runtime.registry.status().filter((s) => !s.champion);
  if (missing.length === 0) return;
  if (config.AUTO_BUILD_MODELS === undefined && config.DATABASE_URL) {
    // The pipeline would write its synthetic tickets into what may be production data.
    logger.warn(
      "Pinned model artifacts cannot be had; not building them into the database of " +
        "DATABASE_URL (set AUTO_BUILD_MODELS=true to allow it, or run the pipeline)",
      { models: missing.map((s) => ({ name: s.name, problem: s.problem })) },
    );
    return;
  }
  logger.warn(
    "Pinned model artifacts cannot be had; building them with the pipeline (a minute or two)",
    {
      models: missing.map((s) => ({ name: s.name, problem: s.problem })),
    },
  );
  for (const { name } of missing) {
    runtime.registry.setProblem(name, "not served yet: the pipeline is building it (first run)");
  }
  if (dvcExecutable() === "dvc" && !await dvcOnPath()) {
    logger.info("Installing the dvc CLI into .venv (deno task setup does this too)");
    await installDvcCli();
  }
  // Loaded only now, out of the server's start-up graph: the pipeline brings tfjs and the
  // generators (about 0.5 s of loading).
  const { runPipeline } = await import("../pipeline/run_pipeline.ts");
  const { printRegistrations } = await import("../pipeline/register.ts");
  const log = (line: string) => logger.info(line);
  const result = await runPipeline(database.db, {
    root: Deno.cwd(),
    remoteUrl: config.DVC_REMOTE_URL,
    pointerPath: config.MODEL_POINTER_PATH,
    ...defaultGeneration,
    models: missing.map((s) => s.name),
    log,
    signal,
    push: false,
    missingPinned: "replace",
  });
  printRegistrations(result, log);
  for (const { name, version, verdict, promoted } of result.registrations) {
    if (!promoted || !verdict.pinnedVersion) continue;
    logger.warn(`The model pointer now pins ${name} ${version}, built on this machine`, {
      replaced: verdict.pinnedVersion,
      pointer: config.MODEL_POINTER_PATH,
      undo: "restore the pointer file (git checkout) and dvc pull once a remote serves it",
    });
  }
  await runtime.reload();
}
