import { createRouter } from "../../http/create_router.ts";
import { type SeedDependencies, seedHandlers, shapeCheck } from "./seed.handlers.ts";
import * as routes from "./seed.routes.ts";
import { SeedFeatures, SeedPredictRequest } from "./seed.schemas.ts";

/**
 * The seed services' own routes (`/`, `/predict`, `/predict_raw`, `/model-info`), for their
 * existing clients; mounted unless `SEED_COMPAT_ROUTES=false`.
 */
export function seedRouter(deps: SeedDependencies) {
  const handlers = seedHandlers(deps);
  const router = createRouter();
  router.use(routes.predict.path, shapeCheck(SeedPredictRequest, true));
  router.use(routes.predictRaw.path, shapeCheck(SeedFeatures, false));
  return router
    .openapi(routes.root, handlers.root)
    .openapi(routes.predict, handlers.predict)
    .openapi(routes.predictRaw, handlers.predictRaw)
    .openapi(routes.modelInfo, handlers.modelInfo);
}
