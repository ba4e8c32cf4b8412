/**
 * Request inputs drawn from the pipeline's synthetic populations (baseline or `drifted`), and
 * a helper that sends them through the real app so they are logged as served predictions.
 */
import { openDatabase } from "../../src/db/client.ts";
import { readRows } from "../../src/ml/training/dataset.ts";
import { trainingEntry } from "../../src/models/training_catalog.ts";
import { computeFeatures } from "../../src/pipeline/features.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { exportTrainingSet } from "../../src/pipeline/snapshot.ts";
import { postJson, type TestApp } from "./test_app.ts";

/** `count` request inputs of `name` from the generated population, as clients send them. */
export async function populationInputs(
  name: string,
  options: { count: number; seed: number; drifted: boolean },
): Promise<unknown[]> {
  const root = await Deno.makeTempDir({ prefix: "population-" });
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  try {
    await database.migrate();
    await generate(database.db, { tickets: options.count, customers: options.count, ...options });
    await computeFeatures(database.db);
    await exportTrainingSet(database.db, root);
  } finally {
    await database.close();
  }
  const { definition, dataFile } = trainingEntry(name);
  const rows = await readRows(root, dataFile);
  await Deno.remove(root, { recursive: true });
  return rows.slice(0, options.count).map((row) => definition.inputOf(row));
}

/** Predicts every input through the app (batches of 100) and waits for the log; the ids. */
export async function predictThroughApp(
  { app, flush }: Pick<TestApp, "app" | "flush">,
  name: string,
  inputs: readonly unknown[],
  headers: Record<string, string> = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < inputs.length; start += 100) {
    const instances = inputs.slice(start, start + 100);
    const response = await app.request(
      `/v1/models/${name}/predict`,
      postJson({ instances }, headers),
    );
    if (response.status !== 200) {
      throw new Error(`predict ${response.status}: ${await response.text()}`);
    }
    const body = await response.json();
    ids.push(...body.predictions.map((p: { prediction_id: string }) => p.prediction_id));
  }
  await flush();
  return ids;
}
