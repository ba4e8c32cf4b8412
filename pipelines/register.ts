/**
 * Step 7: gate, version and publish. Each new version is judged against the majority
 * baseline and the currently pinned version; the verdict is printed and stored in its
 * metrics.json. Then `dvc add models` (models.dvc) and `dvc push`; with --promote, versions
 * that pass are written to the model pointer.
 *   deno task register --model churn --version <v> [--promote] [--no-push]
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { dvcFileHash, runDvc } from "../src/dvc/cli.ts";
import { readPointer, writePointer } from "../src/gitops/pointer.ts";
import { formatVerdict } from "../src/ml/format_evaluation.ts";
import { type GateVerdict, judge, type PinnedEvaluations } from "../src/ml/gate.ts";
import { writeMetrics } from "../src/ml/model_store.ts";
import { readMetrics, versionDir } from "../src/ml/version_files.ts";
import { runMain } from "../src/cli.ts";

/** What to register and where the pointer lives (relative paths are under `root`). */
export interface RegisterOptions {
  versions: { name: string; version: string }[];
  pointerPath: string;
  promote: boolean;
  push: boolean;
  /**
   * A pinned version missing from the workspace: "refuse" (the default) stops, since a new
   * version must be compared with it (`dvc pull` first); "replace" judges on the baseline
   * alone and lets a passing version take its place, for a first run's stand-in build on a
   * machine no DVC remote serves.
   */
  missingPinned?: "refuse" | "replace";
}

/** A registered version and the gate's verdict on it. */
export interface Registration {
  name: string;
  version: string;
  verdict: GateVerdict;
  promoted: boolean;
}

async function pinnedEvaluations(
  root: string,
  name: string,
  pinned: string | undefined,
  version: string,
  missingPinned: RegisterOptions["missingPinned"],
): Promise<PinnedEvaluations | undefined> {
  if (!pinned || pinned === version) return undefined;
  const dir = versionDir(root, name, pinned);
  if (!existsSync(join(dir, "metrics.json"))) {
    if (missingPinned === "replace") return { version: pinned };
    throw new Error(
      `The pinned ${name} version ${pinned} is not in the workspace; run \`dvc pull\` to compare against it`,
    );
  }
  return { version: pinned, evaluations: (await readMetrics(dir)).heads };
}

/** Judges, stores verdicts, versions `models/` with DVC, pushes, and promotes. */
export async function register(
  root: string,
  options: RegisterOptions,
): Promise<{ registrations: Registration[]; modelsHash: string }> {
  const pointerPath = join(root, options.pointerPath);
  const pointer = await readPointer(pointerPath) ?? { models: {} };
  const registrations: Registration[] = [];
  for (const { name, version } of options.versions) {
    const dir = versionDir(root, name, version);
    const metrics = await readMetrics(dir);
    const pinned = await pinnedEvaluations(
      root,
      name,
      pointer.models[name]?.version,
      version,
      options.missingPinned,
    );
    const verdict = judge(metrics.heads, pinned);
    await writeMetrics(dir, { ...metrics, gate: verdict });
    registrations.push({ name, version, verdict, promoted: options.promote && verdict.promotable });
  }
  await runDvc(root, ["add", "--quiet", "models"]);
  const modelsHash = await dvcFileHash(join(root, "models.dvc"));
  if (options.push) await runDvc(root, ["push", "--quiet"]);
  const promoted = registrations.filter((r) => r.promoted);
  if (promoted.length > 0) {
    const models = { ...pointer.models };
    for (const { name, version } of promoted) {
      // A challenger promoted to champion is no longer compared with itself.
      const challenger = models[name]?.challenger;
      models[name] = { version, ...(challenger && challenger !== version ? { challenger } : {}) };
    }
    await writePointer(pointerPath, { ...pointer, models, models_dvc_md5: modelsHash });
  }
  return { registrations, modelsHash };
}

/** Prints each verdict and what happened. */
export function printRegistrations(
  result: { registrations: Registration[]; modelsHash: string },
  log: (line: string) => void = console.log,
): void {
  for (const r of result.registrations) {
    log(formatVerdict(r.name, r.version, r.verdict));
    if (r.promoted) log(`  promoted: the model pointer now serves ${r.name} ${r.version}`);
  }
  log(`models.dvc md5 ${result.modelsHash}`);
}

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
    const result = await register(Deno.cwd(), {
      versions: [{ name: values.model, version: values.version }],
      pointerPath: loadConfig(Deno.env.toObject()).MODEL_POINTER_PATH,
      promote: values.promote,
      push: !values["no-push"],
    });
    printRegistrations(result);
    if (result.registrations.some((r) => !r.verdict.promotable)) Deno.exit(3);
  });
}
