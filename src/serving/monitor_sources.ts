/**
 * What the server's monitor reads of the models it serves: the champions, and their
 * version files from memory (the reference statistics and metrics loaded with the version,
 * md5-verified then), so a run never fetches a model again.
 */
import type { ModelRegistry } from "./registry/model_registry.ts";
import { referenceStatsFileName } from "../ml/version_files.ts";

/** The served champions, by name and version. */
export function servedChampions(registry: ModelRegistry): { name: string; version: string }[] {
  return registry.servedChampions().map(({ name, version }) => ({ name, version }));
}

/**
 * A version file of a served champion: `reference_stats.json` and `metrics.json`; undefined
 * for another version (replaced since the run began) or a version without the file.
 */
export function servedVersionFile(registry: ModelRegistry) {
  return (name: string, version: string, file: string): Promise<Uint8Array | undefined> => {
    const served = registry.champion(name);
    if (!served || served.version !== version) return Promise.resolve(undefined);
    if (file === referenceStatsFileName) return Promise.resolve(served.referenceStats);
    if (file === "metrics.json") {
      return Promise.resolve(new TextEncoder().encode(JSON.stringify(served.metrics)));
    }
    return Promise.resolve(undefined);
  };
}
