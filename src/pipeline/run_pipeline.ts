/**
 * The whole data-science pipeline on embedded defaults, steps 1 to 7:
 * generate -> features -> snapshot (dvc add data) -> quality -> train + evaluate -> register
 * (gate, dvc add models, dvc push, promote to the model pointer). With `workspaceData`, steps
 * 1-3 are skipped: the models are trained on the `data/` already in the workspace (what
 * `data.dvc` names, pulled), as when a data scientist commits a new dataset.
 */
import { ensureDvcProject } from "../dvc/mod.ts";
import type { Database } from "../db/mod.ts";
import { formatQualityReport } from "../ml/quality/quality_format.ts";
import { formatEvaluation, formatHoldout } from "../ml/training/format_evaluation.ts";
import { catalog } from "../models/catalog.ts";
import { computeFeatures } from "./features.ts";
import { generate, type GenerateOptions } from "./generate.ts";
import { checkQuality } from "./quality.ts";
import { register, type RegisterOptions } from "./register.ts";
import { snapshot } from "./snapshot.ts";
import { trainModel } from "./train.ts";
import type { TrainingSource } from "./training_rows.ts";

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
  /** Train on the workspace's `data/` as it is: no generate, features or snapshot. */
  workspaceData?: boolean;
  /** The ticket rows to train on: synthetic (default), own (ingested) or mixed. */
  source?: TrainingSource;
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
  if (!options.workspaceData) {
    const generated = await step("generate", () => generate(db, { ...options, drifted: false }));
    log(`  ${generated.tickets} new tickets, ${generated.customers} customers`);
    await step("features", () => computeFeatures(db));
    const data = await step("snapshot", () => snapshot(db, options.root));
    log(`  data.dvc md5 ${data.dataHash}`);
  }
  const models = options.models ?? Object.keys(catalog);
  const reports = await step("quality", () => checkQuality(options.root, models, options.source));
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
        source: options.source,
      }));
    log(formatEvaluation(name, trained.outcome.evaluations));
    if (trained.holdout) log(formatHoldout(trained.holdout));
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
