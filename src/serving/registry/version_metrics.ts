import type { ModelMetrics } from "../../ml/version_files.ts";
import type { ModelRegistry } from "./model_registry.ts";
import type { ArtifactSource } from "./version_loader.ts";

/** A version name that stays inside its model's folder (names come from pointers). */
const plainName = /^[\w][\w.-]*$/;

/**
 * The test metrics of any version of a model, for display: a served version's from memory,
 * another's from its `metrics.json` when this machine has the version's files; undefined
 * when it has not (or the file is unreadable).
 */
export function versionMetrics(registry: ModelRegistry, source: ArtifactSource) {
  return async (name: string, version: string): Promise<ModelMetrics | undefined> => {
    const served = [registry.champion(name), registry.challenger(name)]
      .find((s) => s?.version === version);
    if (served) return served.metrics;
    if (!plainName.test(version) || version.includes("..")) return undefined;
    try {
      const bytes = await source.localFile(name, version, "metrics.json");
      if (!bytes) return undefined;
      const metrics = JSON.parse(new TextDecoder().decode(bytes)) as ModelMetrics;
      return Array.isArray(metrics?.heads) ? metrics : undefined;
    } catch {
      return undefined;
    }
  };
}
