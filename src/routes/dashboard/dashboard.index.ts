/**
 * `/dashboard`: the product's web pages, rendered on the server, with security headers
 * (a CSP allowing only the app's own scripts and styles, no framing), the sign-in when API
 * keys are configured, and a same-origin check on every form post.
 * @module
 */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../../http/create_router.ts";
import { type DashboardDependencies, dashboardHandlers } from "./dashboard.handlers.ts";
import { dashboardPaths as paths } from "./dashboard.routes.ts";
import { requireSession } from "./dashboard_session.ts";

export type { DashboardDependencies } from "./dashboard.handlers.ts";
export { DashboardKeys } from "./dashboard_session.ts";
export { RequestHistory } from "./request_history.ts";

/** The dashboard router. */
export function dashboardRouter(deps: DashboardDependencies) {
  const handlers = dashboardHandlers(deps);
  return new Hono<AppEnv>()
    .use(
      "/dashboard/*",
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
        xFrameOptions: "DENY",
        referrerPolicy: "no-referrer",
        crossOriginEmbedderPolicy: false,
        // A page that sets its own policy (a stored report's page) keeps it.
        overwrite: false,
      }),
      csrf(),
      requireSession(deps.keys),
    )
    .get(paths.overview, handlers.overview)
    .get(paths.model, handlers.model)
    .get(paths.drift, handlers.drift)
    .get(paths.reportJson, handlers.reportJson)
    .get(paths.report, handlers.report)
    .get(paths.tickets, handlers.tickets)
    .post(paths.feedback, handlers.feedback)
    .get(paths.customers, handlers.customers)
    .get(paths.login, handlers.loginForm)
    .post(paths.login, handlers.login)
    .post(paths.logout, handlers.logout)
    .get(paths.asset, handlers.asset);
}
