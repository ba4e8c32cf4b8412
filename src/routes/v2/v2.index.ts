import { createRouter } from "../../http/create_router.ts";
import { type V2Dependencies, v2ModelHandlers, v2ServerHandlers } from "./v2.handlers.ts";
import { readInferRequest } from "./v2.protocol.ts";
import * as routes from "./v2.routes.ts";

export { oipErrorBodies } from "./v2.protocol.ts";

/**
 * Open Inference Protocol (V2): server metadata and health, and per model metadata, readiness
 * and inference, at the latest path and at the versioned one.
 */
export function v2Router(deps: V2Dependencies) {
  const server = v2ServerHandlers(deps.registry);
  const model = v2ModelHandlers(deps);
  const router = createRouter()
    .openapi(routes.serverMetadata, server.serverMetadata)
    .openapi(routes.live, server.live)
    .openapi(routes.ready, server.ready);
  for (const paths of [routes.latestModelRoutes, routes.versionedModelRoutes]) {
    // Before the route's JSON validation: bodies come without a content type, or binary.
    router.use(paths.infer.getRoutingPath(), readInferRequest);
    router
      .openapi(paths.metadata, model.metadata)
      .openapi(paths.ready, model.ready)
      .openapi(paths.infer, model.infer);
  }
  return router;
}
