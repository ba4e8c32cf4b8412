import { createRouter } from "../../http/create_router.ts";
import type { Database } from "../../db/mod.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import { customersHandlers } from "./customers.handlers.ts";
import * as routes from "./customers.routes.ts";

/** `/v1/customers`: churn by customer id. */
export function customersRouter(db: Database, registry: ModelRegistry, sink: ScoringSink) {
  const handlers = customersHandlers(db, registry, sink);
  return createRouter().openapi(routes.churnById, handlers.churnById);
}
