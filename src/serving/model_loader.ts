import type { NewModelDeployment } from "../db/repositories/deployments.ts";
import { readPointer } from "../gitops/pointer.ts";
import type { Logger } from "../logger.ts";
import { compileNetwork, type Network } from "../ml/compiled_network.ts";
import { type NetworkArtifacts, UnsupportedNetwork } from "../ml/layers_topology.ts";
import { parseVersion, type VersionFiles } from "../ml/version_files.ts";
import { catalogEntry } from "../models/catalog.ts";
import type { ModelRegistry } from "./model_registry.ts";
import type { ServedModel } from "./served_model.ts";

/** Where version files come from (workspace, DVC cache, DVC remote); verifies what it returns. */
export interface ArtifactSource {
  /** `modelsMd5`: the `models` directory hash the pointer pins, when it pins one. */
  fetch(name: string, version: string, modelsMd5?: string): Promise<VersionFiles>;
}

/** What the loader needs around it. */
export interface LoaderContext {
  registry: ModelRegistry;
  pointerPath: string;
  source: ArtifactSource;
  logger: Logger;
  environment: string;
  /** Records a load or refusal in `model_deployments` (best effort, never awaited). */
  recordDeployment(event: NewModelDeployment): Promise<void>;
}

async function loadOne(
  context: LoaderContext,
  name: string,
  version: string,
  modelsMd5: string | undefined,
): Promise<ServedModel> {
  const entry = catalogEntry(name);
  const files = await context.source.fetch(name, version, modelsMd5);
  const { network: artifacts, ...stored } = parseVersion(files, entry.codec);
  let network: Network;
  try {
    network = compileNetwork(artifacts);
  } catch (error) {
    if (!(error instanceof UnsupportedNetwork)) throw error;
    context.logger.warn("Scoring through tfjs: no plain forward pass", {
      name,
      version,
      reason: error.message,
    });
    network = await loadTfjsNetwork(artifacts);
  }
  const threshold = stored.metrics.heads.find((head) => head.threshold !== undefined)?.threshold;
  return { name, version, entry, ...stored, network, threshold, loadedAt: new Date() };
}

/** tfjs only for a model the compiled pass cannot score, so a server normally never loads it. */
async function loadTfjsNetwork(artifacts: NetworkArtifacts): Promise<Network> {
  // A computed specifier keeps tfjs out of the module graph loaded at startup.
  const module = new URL("../ml/tfjs_network.ts", import.meta.url).href;
  const tfjs: typeof import("../ml/tfjs_network.ts") = await import(module).catch((error) => {
    throw new Error(
      `This network needs tfjs, which this installation lacks (the container image ships ` +
        `the server's packages only): ${error instanceof Error ? error.message : error}`,
    );
  });
  return tfjs.loadTfjsNetwork(artifacts);
}

/**
 * Reads the model pointer and loads every pinned version that is not already served. A
 * version that cannot be had or is corrupt is refused with a log line; the registry keeps
 * serving what it has, and `/ready` reports the reason. Returns the versions it swapped in.
 */
export async function syncWithPointer(context: LoaderContext): Promise<string[]> {
  const { registry, logger } = context;
  // What `/ready` shows for a model the pointer cannot give a new champion; the served one, if
  // any, stays (and the model stays ready).
  const keepServing = (name: string, problem: string) => {
    const current = registry.champion(name);
    registry.setProblem(name, current ? `${problem}; still serving ${current.version}` : problem);
  };
  let pointer;
  try {
    pointer = await readPointer(context.pointerPath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error("Cannot read the model pointer", { path: context.pointerPath, reason });
    for (const name of registry.configured) keepServing(name, reason);
    return [];
  }
  const swapped: string[] = [];
  for (const name of registry.configured) {
    const pinned = pointer?.models[name];
    if (!pinned) {
      keepServing(name, `no version pinned for "${name}" in ${context.pointerPath}`);
      continue;
    }
    for (const role of ["champion", "challenger"] as const) {
      const version = role === "champion" ? pinned.version : pinned.challenger;
      const current = role === "champion" ? registry.champion(name) : registry.challenger(name);
      if (version === current?.version) {
        // Pinned again after a refused load or an unreadable pointer (a reverted promotion).
        if (role === "champion") registry.setProblem(name, undefined);
        continue;
      }
      // The version swapped out, so `model_deployments` shows when each one stopped serving.
      const recordUnloaded = (unloaded: string, reason: string) =>
        void context.recordDeployment({
          modelName: name,
          version: unloaded,
          role,
          event: "unloaded",
          reason,
          environment: context.environment,
        });
      if (!version) {
        if (current) {
          registry.swap(role, undefined, name);
          recordUnloaded(current.version, "no longer pinned");
          logger.info(`Unloaded model "${name}" ${role} ${current.version}: no longer pinned`, {
            model: name,
            version: current.version,
            role,
          });
        }
        continue;
      }
      try {
        const served = await loadOne(context, name, version, pointer?.models_dvc_md5);
        registry.swap(role, served, name);
        if (current) recordUnloaded(current.version, `replaced by ${version}`);
        if (role === "champion") registry.setProblem(name, undefined);
        swapped.push(`${name}@${version}`);
        logger.info(`Loaded model "${name}" version ${version} as ${role}`, {
          model: name,
          version,
          role,
          ...(current ? { replaced: current.version } : {}),
        });
        void context.recordDeployment({
          modelName: name,
          version,
          role,
          event: "loaded",
          dataHash: served.card.data_hash,
          environment: context.environment,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const message = `Cannot load model "${name}" version ${version}: ${reason}`;
        logger.error(message, { model: name, version, role });
        if (role === "champion") keepServing(name, message);
        void context.recordDeployment({
          modelName: name,
          version,
          role,
          event: "refused",
          reason,
          environment: context.environment,
        });
      }
    }
  }
  return swapped;
}
