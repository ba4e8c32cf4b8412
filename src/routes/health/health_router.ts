import { createRouter } from "../../app/create_router.ts";
import { checkReadiness, type ReadinessProbe } from "../../app/readiness.ts";
import { liveness, readiness } from "./health_routes.ts";

/** `/health` and `/ready`. */
export function healthRouter(probes: readonly ReadinessProbe[]) {
  return createRouter()
    .openapi(liveness, (c) => c.json({ status: "ok" as const }, 200))
    .openapi(readiness, async (c) => {
      const { ready, checks } = await checkReadiness(probes);
      return ready
        ? c.json({ status: "ready" as const, checks }, 200)
        : c.json({ status: "not_ready" as const, checks }, 503);
    });
}
