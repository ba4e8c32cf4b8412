import type { AppRouteHandlers } from "../../http/create_router.ts";
import { checkReadiness, type ReadinessProbe } from "../../http/readiness.ts";
import type * as routes from "./health.routes.ts";

/** The handlers of `/health` and `/ready`, the latter checking `probes`. */
export function healthHandlers(probes: readonly ReadinessProbe[]): AppRouteHandlers<typeof routes> {
  return {
    liveness: (c) => c.json({ status: "ok" as const }, 200),
    readiness: async (c) => {
      const { ready, checks } = await checkReadiness(probes);
      return ready
        ? c.json({ status: "ready" as const, checks }, 200)
        : c.json({ status: "not_ready" as const, checks }, 503);
    },
  };
}
