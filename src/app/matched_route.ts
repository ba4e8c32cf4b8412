import type { Context } from "hono";
import { matchedRoutes } from "hono/route";

/**
 * The route pattern a request matched (`/v1/models/churn/predict`), or "unmatched" for a 404
 * or a 405. Read from every match, not from the handler that answered: a middleware that
 * answers first (401, 413) would otherwise name its own pattern, `/*`.
 */
export function matchedRoute(c: Context): string {
  return matchedRoutes(c).findLast((route) => route.method !== "ALL")?.path ?? "unmatched";
}
