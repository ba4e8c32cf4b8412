import type { ModelMetrics } from "../../ml/version_files.ts";
import type { ModelRegistry } from "./model_registry.ts";
import type { ArtifactSource } from "./version_loader.ts";

/** A version name that stays inside its model's folder (names come from pointers). */
const plainName = /^[\w][\w.-]*$/;

/**
 * The test metrics of any version of a model, for display: a served version's from memory,
 * another's from its `metrics.json` when this machine has the version's files; undefined
 * when it has not (or the file is unreadable). A version's files never change, so what was
 * read is kept: a page listing twenty versions reads each file once per process.
 */
export function versionMetrics(registry: ModelRegistry, source: ArtifactSource) {
  const read = new Map<string, ModelMetrics>();
  return async (name: string, version: string): Promise<ModelMetrics | undefined> => {
    const served = [registry.champion(name), registry.challenger(name)]
      .find((s) => s?.version === version);
    if (served) return served.metrics;
    if (!plainName.test(version) || version.includes("..")) return undefined;
    const key = `${name}/${version}`;
    if (read.has(key)) return read.get(key);
    try {
      const bytes = await source.localFile(name, version, "metrics.json");
      if (!bytes) return undefined;
      const metrics = JSON.parse(new TextDecoder().decode(bytes)) as ModelMetrics;
      if (!Array.isArray(metrics?.heads)) return undefined;
      read.set(key, metrics);
      return metrics;
    } catch {
      return undefined;
    }
  };
}
