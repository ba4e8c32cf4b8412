import { createRouter } from "../../http/create_router.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import { adminHandlers } from "./admin.handlers.ts";
import * as routes from "./admin.routes.ts";

/** `/admin`: operations behind the admin keys (`auth.ts` guards the prefix). */
export function adminRouter(registry: ModelRegistry, reloadModels: () => Promise<string[]>) {
  const handlers = adminHandlers(registry, reloadModels);
  return createRouter().openapi(routes.reload, handlers.reload);
}
