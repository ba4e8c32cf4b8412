/**
 * The whole data-science pipeline on embedded defaults, steps 1 to 7:
 * generate -> features -> snapshot (dvc add data) -> quality -> train + evaluate -> register
 * (gate, dvc add models, dvc push, promote to the model pointer).
 *   deno task pipeline [--tickets 20000] [--customers 10000] [--seed 42] [--max-epochs N]
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import { ensureDvcProject } from "../src/dvc/cli.ts";
import { formatQualityReport } from "../src/data/quality.ts";
import { formatEvaluation } from "../src/ml/format_evaluation.ts";
import { catalog } from "../src/models/catalog.ts";
import { positiveInt, runMain, withDatabase } from "../src/cli.ts";
import { generationFlags, generationOptions } from "./generation_flags.ts";
import { computeFeatures } from "./features.ts";
import { generate, type GenerateOptions } from "./generate.ts";
import { checkQuality } from "./quality.ts";
import { printRegistrations, register, type RegisterOptions } from "./register.ts";
import { snapshot } from "./snapshot.ts";
import { trainModel } from "./train.ts";

/** Everything the chained run needs. */
export interface PipelineOptions extends Omit<GenerateOptions, "drifted"> {
  root: string;
  remoteUrl: string;
  pointerPath: string;
  maxEpochs?: number;
  quiet?: boolean;
  log?: (line: string) => void;
  /** Stops the run before its next step (and training at its next epoch). */
  signal?: AbortSignal;
  /** The models to check, train and register (default: every model of the catalog). */
  models?: readonly string[];
  /** `dvc push` the new versions (default true). */
  push?: boolean;
  /** See {@link RegisterOptions.missingPinned}. */
  missingPinned?: RegisterOptions["missingPinned"];
}

/** Runs steps 1-7 in `root`; returns the registered versions. */
export async function runPipeline(db: Database, options: PipelineOptions) {
  const log = options.log ?? console.log;
  const step = async <T>(title: string, action: () => Promise<T>): Promise<T> => {
    options.signal?.throwIfAborted();
    const started = performance.now();
    log(`▶ ${title}`);
    const result = await action();
    log(`  ${title} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  await ensureDvcProject(options.root, options.remoteUrl);
  const generated = await step("generate", () => generate(db, { ...options, drifted: false }));
  log(`  ${generated.tickets} new tickets, ${generated.customers} customers`);
  await step("features", () => computeFeatures(db));
  const data = await step("snapshot", () => snapshot(db, options.root));
  log(`  data.dvc md5 ${data.dataHash}`);
  const models = options.models ?? Object.keys(catalog);
  const reports = await step("quality", () => checkQuality(options.root, models));
  for (const report of reports) log(formatQualityReport(report));
  if (reports.some((report) => !report.passed)) throw new Error("The dataset was refused");
  const versions: { name: string; version: string }[] = [];
  for (const name of models) {
    const trained = await step(`train ${name}`, () =>
      trainModel(options.root, name, {
        seed: options.seed,
        maxEpochs: options.maxEpochs,
        quiet: options.quiet,
        signal: options.signal,
      }));
    log(formatEvaluation(name, trained.outcome.evaluations));
    versions.push({ name, version: trained.version });
  }
  return await step("register", () =>
    register(options.root, {
      versions,
      pointerPath: options.pointerPath,
      promote: true,
      push: options.push ?? true,
      missingPinned: options.missingPinned,
    }));
}

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { ...generationFlags, "max-epochs": { type: "string" } },
    });
    const config = loadConfig(Deno.env.toObject());
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
