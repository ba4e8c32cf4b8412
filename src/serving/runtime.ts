import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { recordDeployment } from "../db/repositories/deployments.ts";
import type { Logger } from "../logger.ts";
import { catalog } from "../models/catalog.ts";
import { type ArtifactSource, type LoaderContext, syncWithPointer } from "./model_loader.ts";
import { ModelRegistry } from "./model_registry.ts";
import { type PointerReloads, pointerReloads } from "./pointer_reloads.ts";

/** The registry with its loader: what `main.ts` and the tests wire into the app. */
export interface ModelRuntime extends PointerReloads {
  registry: ModelRegistry;
}

/**
 * A registry for every built-in model, loaded from `source` by the configured pointer. The
 * database may still be opening: loads are recorded in `model_deployments` once it is.
 */
export function createModelRuntime(
  config: Config,
  database: DatabaseHandle | Promise<DatabaseHandle>,
  logger: Logger,
  source: ArtifactSource,
): ModelRuntime {
  const registry = new ModelRegistry(Object.keys(catalog));
  const context: LoaderContext = {
    registry,
    pointerPath: config.MODEL_POINTER_PATH,
    source,
    logger,
    environment: config.MODEL_POINTER_PATH,
    recordDeployment: async (event) => {
      try {
        await recordDeployment((await database).db, event);
      } catch (error) {
        logger.warn("Cannot record the model deployment", { reason: String(error) });
      }
    },
  };
  return {
    registry,
    ...pointerReloads(config.MODEL_POINTER_PATH, () => syncWithPointer(context)),
  };
}
