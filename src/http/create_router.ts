import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { RequestIdVariables } from "hono/request-id";
import { errorBody } from "./error_schema.ts";
import { fieldErrors } from "./field_errors.ts";

/** Per-request values every handler can read (`c.get("requestId")`). */
export type AppEnv = { Variables: RequestIdVariables };

/**
 * The handler of `route`: its request typed by the route's schemas, its answers held to the
 * responses the route declares (so the OpenAPI document cannot drift from the code).
 */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/**
 * A handler per route of a routes module (`typeof import("./x.routes.ts")`), by the name it
 * is exported under: a route left without a handler fails the type check.
 */
export type AppRouteHandlers<Routes> = {
  [K in keyof Routes as Routes[K] extends RouteConfig ? K : never]: Routes[K] extends RouteConfig
    ? AppRouteHandler<Routes[K]>
    : never;
};

/**
 * An `OpenAPIHono` whose validation failures answer 422 with one entry per bad field,
 * instead of the library's default 400 with the raw zod error.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const fields = fieldErrors(result.error.issues);
      return c.json(errorBody("invalid_input", "Request is invalid", { fields }), 422);
    },
  });
}
