import type { NewModelDeployment } from "../db/repositories/deployments.ts";
import { dirHashOfFiles } from "../dvc/md5.ts";
import { readPointer } from "../gitops/pointer.ts";
import type { Logger } from "../logger.ts";
import { compileNetwork, type Network } from "../ml/compiled_network.ts";
import { type NetworkArtifacts, UnsupportedNetwork } from "../ml/layers_topology.ts";
import { parseVersion, type VersionFiles } from "../ml/version_files.ts";
import { catalogEntry } from "../models/catalog.ts";
import type { ModelRegistry, ModelRole } from "./model_registry.ts";
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
  /** Records a load, refusal or unload in `model_deployments` (best effort, never awaited). */
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
  const modelHash = dirHashOfFiles([...files].map(([relpath, bytes]) => ({ relpath, bytes })));
  return { name, version, modelHash, entry, ...stored, network, threshold, loadedAt: new Date() };
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
 * What `/ready` shows for a model whose pinned version cannot be served; the version it serves,
 * if any, stays (and the model stays ready).
 */
function keepServing(registry: ModelRegistry, name: string, problem: string): void {
  const current = registry.champion(name);
  registry.setProblem(name, current ? `${problem}; still serving ${current.version}` : problem);
}

/**
 * Brings one role of one model to the pinned `version` (none: unload); true when it swapped
 * a version in. Every change and refusal is logged and recorded in `model_deployments`.
 */
async function syncRole(
  context: LoaderContext,
  name: string,
  role: ModelRole,
  version: string | undefined,
  modelsMd5: string | undefined,
): Promise<boolean> {
  const { registry, logger, environment } = context;
  const current = role === "champion" ? registry.champion(name) : registry.challenger(name);
  if (version === current?.version) {
    // Pinned again after a refused load or an unreadable pointer (a reverted promotion), or
    // no longer pinned after a refused one.
    registry.setProblem(name, undefined, role);
    return false;
  }
  const record = (event: Omit<NewModelDeployment, "modelName" | "role" | "environment">) =>
    void context.recordDeployment({ modelName: name, role, environment, ...event });
  if (!version) {
    registry.setProblem(name, undefined, role);
    if (current) {
      registry.swap(role, undefined, name);
      record({ version: current.version, event: "unloaded", reason: "no longer pinned" });
      logger.info(`Unloaded model "${name}" ${role} ${current.version}: no longer pinned`, {
        model: name,
        version: current.version,
        role,
      });
    }
    return false;
  }
  try {
    const served = await loadOne(context, name, version, modelsMd5);
    registry.swap(role, served, name);
    if (current) {
      record({ version: current.version, event: "unloaded", reason: `replaced by ${version}` });
    }
    registry.setProblem(name, undefined, role);
    logger.info(`Loaded model "${name}" version ${version} as ${role}`, {
      model: name,
      version,
      role,
      ...(current ? { replaced: current.version } : {}),
    });
    record({
      version,
      event: "loaded",
      modelHash: served.modelHash,
      dataHash: served.card.data_hash,
    });
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `Cannot load model "${name}" version ${version}: ${reason}`;
    logger.error(message, { model: name, version, role });
    if (role === "champion") keepServing(registry, name, message);
    // The champion answers on; the challenger it replaces, if any, is still compared.
    else registry.setProblem(name, message, role);
    record({ version, event: "refused", reason });
    return false;
  }
}

/**
 * Reads the model pointer and loads every pinned version that is not already served. A
 * version that cannot be had or is corrupt is refused with a log line; the registry keeps
 * serving what it has, and `/ready` reports the reason. Returns the versions it swapped in.
 */
export async function syncWithPointer(context: LoaderContext): Promise<string[]> {
  const { registry, logger } = context;
  let pointer;
  try {
    pointer = await readPointer(context.pointerPath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error("Cannot read the model pointer", { path: context.pointerPath, reason });
    for (const name of registry.configured) keepServing(registry, name, reason);
    return [];
  }
  const swapped: string[] = [];
  for (const name of registry.configured) {
    const pinned = pointer?.models[name];
    if (!pinned) {
      keepServing(registry, name, `no version pinned for "${name}" in ${context.pointerPath}`);
      continue;
    }
    const md5 = pointer?.models_dvc_md5;
    if (await syncRole(context, name, "champion", pinned.version, md5)) {
      swapped.push(`${name}@${pinned.version}`);
    }
    if (await syncRole(context, name, "challenger", pinned.challenger, md5)) {
      swapped.push(`${name}@${pinned.challenger}`);
    }
  }
  return swapped;
}
