import { createRouter } from "../../http/create_router.ts";
import { catalog } from "../../models/catalog.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import { modelsHandlers } from "./models.handlers.ts";
import * as routes from "./models.routes.ts";

/**
 * `/v1/models`: list, describe, predict. Each model gets its own predict route, so the
 * document shows each model's own input and output schemas.
 */
export function modelsRouter(
  registry: ModelRegistry,
  sink: ScoringSink,
  { maxBatch, reviewPrecision }: { maxBatch: number; reviewPrecision: number },
) {
  const handlers = modelsHandlers(registry, sink, reviewPrecision);
  const router = createRouter()
    .openapi(routes.listModels, handlers.listModels)
    .openapi(routes.getModel, handlers.getModel);
  for (const { serving } of Object.values(catalog)) {
    router.openapi(routes.predictRoute(serving, maxBatch), handlers.predict(serving));
  }
  return router;
}
