import { createRouter } from "../../http/create_router.ts";
import type { ReadinessProbe } from "../../http/readiness.ts";
import { healthHandlers } from "./health.handlers.ts";
import * as routes from "./health.routes.ts";

/** `/health` and `/ready`: answered without a key, for probes that carry none. */
export function healthRouter(probes: readonly ReadinessProbe[]) {
  const handlers = healthHandlers(probes);
  return createRouter()
    .openapi(routes.liveness, handlers.liveness)
    .openapi(routes.readiness, handlers.readiness);
}
