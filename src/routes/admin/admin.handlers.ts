import type { AppRouteHandlers } from "../../http/create_router.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import type * as routes from "./admin.routes.ts";

/** The admin handlers: `reloadModels` re-reads the pointer, `registry` tells the outcome. */
export function adminHandlers(
  registry: ModelRegistry,
  reloadModels: () => Promise<string[]>,
): AppRouteHandlers<typeof routes> {
  return {
    reload: async (c) => {
      const swapped = await reloadModels();
      const models = registry.status().map((s) => ({
        name: s.name,
        version: s.champion?.version ?? null,
        challenger: s.challenger?.version ?? null,
        problem: s.problem ?? null,
        challenger_problem: s.challengerProblem ?? null,
      }));
      return c.json({ swapped, models }, 200);
    },
  };
}
