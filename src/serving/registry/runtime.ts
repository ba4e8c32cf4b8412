import { v7 as uuidv7 } from "uuid";
import type { Config } from "../../shared/config.ts";
import { type DatabaseHandle, recordDeployment } from "../../db/mod.ts";
import { describeError } from "../../shared/describe_error.ts";
import { withTimeout } from "../../shared/with_timeout.ts";
import type { Logger } from "../../shared/logger.ts";
import { catalog } from "../../models/catalog.ts";
import { type LoaderContext, syncWithPointer } from "./model_loader.ts";
import type { ArtifactSource } from "./version_loader.ts";
import { ModelRegistry } from "./model_registry.ts";
import { type PointerReloads, pointerReloads } from "./pointer_reloads.ts";
import { versionMetrics } from "./version_metrics.ts";
import type { ModelMetrics } from "../../ml/version_files.ts";

/** The registry with its loader: what `main.ts` and the tests wire into the app. */
export interface ModelRuntime extends PointerReloads {
  registry: ModelRegistry;
  /** Any version's test metrics when they are at hand (served, or its files on this machine). */
  versionMetrics(name: string, version: string): Promise<ModelMetrics | undefined>;
}

/**
 * A registry for every built-in model, loaded from `source` by the configured pointer. The
 * database may still be opening or migrating: loads are recorded in `model_deployments` once
 * it is ready.
 */
export function createModelRuntime(
  config: Config,
  database: DatabaseHandle | Promise<DatabaseHandle>,
  logger: Logger,
  source: ArtifactSource,
): ModelRuntime {
  const registry = new ModelRegistry(Object.keys(catalog));
  let recorded = Promise.resolve();
  const context: LoaderContext = {
    registry,
    pointerPath: config.MODEL_POINTER_PATH,
    source,
    logger,
    environment: config.MODEL_POINTER_PATH,
    // One at a time, in the order they happened, stamped when they happened: the history
    // must read in order even when the database is away for a while.
    recordDeployment: (event) => {
      const stamped = { id: uuidv7(), createdAt: new Date(), ...event };
      return recorded = recorded.then(async () => {
        try {
          const handle = await database;
          await handle.migrated;
          // A hung database must not hold the records after it for good.
          await withTimeout(recordDeployment(handle.db, stamped), 10_000, "Recording it");
        } catch (error) {
          logger.warn("Cannot record the model deployment", { reason: describeError(error) });
        }
      });
    },
  };
  return {
    registry,
    versionMetrics: versionMetrics(registry, source),
    ...pointerReloads(config.MODEL_POINTER_PATH, () => syncWithPointer(context)),
  };
}
