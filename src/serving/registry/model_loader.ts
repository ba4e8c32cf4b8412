import type { NewModelDeployment } from "../../db/mod.ts";
import { type ModelPointer, readPointer } from "../../gitops/pointer.ts";
import { type PointerCommit, pointerCommit } from "../../gitops/pointer_commit.ts";
import type { Logger } from "../../shared/logger.ts";
import type { ModelRegistry, ModelRole } from "./model_registry.ts";
import { type ArtifactSource, loadVersion } from "./version_loader.ts";

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
  commit: PointerCommit | undefined,
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
    void context.recordDeployment({
      modelName: name,
      role,
      environment,
      ...event,
      pointerCommit: commit?.sha,
      pointerAuthor: commit?.author,
      pointerCommittedAt: commit?.committedAt,
      pointerSubject: commit?.subject,
    });
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
    const served = await loadVersion(context.source, logger, name, version, modelsMd5);
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
  let pointer: ModelPointer | undefined;
  // Read beside the pointer: the deployment log says which commit pinned what it records.
  const commit = pointerCommit(context.pointerPath);
  try {
    pointer = await readPointer(context.pointerPath);
    const unknown = Object.keys(pointer?.models ?? {}).filter((name) =>
      !registry.configured.includes(name)
    );
    if (unknown.length > 0) {
      throw new Error(
        `Invalid model pointer ${context.pointerPath}: unknown model ${
          unknown.map((name) => `"${name}"`).join(", ")
        } (known: ${registry.configured.join(", ")})`,
      );
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error("Cannot read the model pointer", { path: context.pointerPath, reason });
    for (const name of registry.configured) keepServing(registry, name, reason);
    return [];
  }
  const pinnedBy = await commit;
  const swapped: string[] = [];
  for (const name of registry.configured) {
    const pinned = pointer?.models[name];
    if (!pinned) {
      keepServing(
        registry,
        name,
        pointer
          ? `no version pinned for "${name}" in ${context.pointerPath}`
          : `no model pointer at ${context.pointerPath}`,
      );
      // The champion keeps answering; nothing pins a challenger to compare with it.
      await syncRole(context, name, "challenger", undefined, undefined, pinnedBy);
      continue;
    }
    if (pinned.challenger === pinned.version) {
      logger.warn(
        `Model "${name}" pins ${pinned.version} as its own challenger: nothing to compare`,
        {
          model: name,
          version: pinned.version,
        },
      );
    }
    const md5 = pointer?.models_dvc_md5;
    if (await syncRole(context, name, "champion", pinned.version, md5, pinnedBy)) {
      swapped.push(`${name}@${pinned.version}`);
    }
    if (await syncRole(context, name, "challenger", pinned.challenger, md5, pinnedBy)) {
      swapped.push(`${name}@${pinned.challenger}`);
    }
  }
  return swapped;
}
