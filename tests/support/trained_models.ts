import { join } from "node:path";
import { computeFeatures } from "../../src/pipeline/features.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { exportTrainingSet } from "../../src/pipeline/snapshot.ts";
import { trainModel } from "../../src/pipeline/train.ts";
import { openDatabase } from "../../src/db/client.ts";
import { writePointer } from "../../src/gitops/pointer.ts";

/** A workspace with both models trained on small seeded data and pinned in a pointer. */
export interface TrainedWorkspace {
  root: string;
  pointerPath: string;
  versions: Record<string, string>;
}

/** Writes the small seeded training set (1,500 tickets and customers) to `data/` under `root`. */
export async function writeSmallTrainingSet(root: string, seed = 11): Promise<void> {
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  try {
    await database.migrate();
    await generate(database.db, { tickets: 1500, customers: 1500, seed, drifted: false });
    await computeFeatures(database.db);
    await exportTrainingSet(database.db, root);
  } finally {
    await database.close();
  }
}

/**
 * Trains `names` on the `data/` under `root` (8 epochs at most, seeded: a few seconds, the
 * same model every run) into `models/`; returns the new versions by name. Fewer epochs leave
 * the heads too close to chance for their calibration to mean anything.
 */
export async function trainQuickly(
  root: string,
  names: readonly string[] = ["ticket-triage", "churn"],
  maxEpochs = 8,
): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const name of names) {
    versions[name] = (await trainModel(root, name, { seed: 11, maxEpochs, quiet: true })).version;
  }
  return versions;
}

/**
 * Builds the workspace once per test module: generate, features, export, train (8 epochs
 * at most). Small and seeded, so every run trains the same models in a few seconds.
 */
export async function trainedWorkspace(): Promise<TrainedWorkspace> {
  const root = await Deno.makeTempDir({ prefix: "trained-" });
  await writeSmallTrainingSet(root);
  const versions = await trainQuickly(root);
  const pointerPath = join(root, "gitops/overlays/test/model-pointer.yaml");
  await writePointer(pointerPath, {
    models: Object.fromEntries(Object.entries(versions).map(([n, version]) => [n, { version }])),
  });
  return { root, pointerPath, versions };
}
