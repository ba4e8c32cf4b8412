import type { OpenAPIHono } from "@hono/zod-openapi";
import type { NotFoundHandler } from "hono";
import { NotFoundError } from "../domain/errors.ts";
import type { AppEnv } from "../http/create_router.ts";
import { errorBody } from "../http/error_schema.ts";
import { routeMethods } from "./route_methods.ts";

const unknownModelPredict = /^\/v1\/models\/([^/]+)\/predict$/;

/**
 * What a request no route matched gets: 405 with `Allow` on a known path (RFC 9110), a 404
 * naming the model on another model's predict path, else a 404 naming the method and path.
 */
export function notFoundHandler(app: OpenAPIHono<AppEnv>): NotFoundHandler<AppEnv> {
  // Built on the first miss: by then every route is mounted.
  let methodsOf: ((path: string) => string[]) | undefined;
  return (c) => {
    methodsOf ??= routeMethods(app.routes);
    const allowed = methodsOf(c.req.path);
    if (allowed.length > 0) {
      c.header("allow", allowed.join(", "));
      return c.json(
        errorBody(
          "method_not_allowed",
          `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(" or ")}`,
        ),
        405,
      );
    }
    // Any other model's predict path: a 404 naming the model rather than a bare "no route".
    // Not a `:name` route beside the per-model ones, which would cost Hono its fastest router.
    const model = c.req.method === "POST" ? unknownModelPredict.exec(c.req.path)?.[1] : undefined;
    const message = model
      ? new NotFoundError("model", model).message
      : `No route for ${c.req.method} ${c.req.path}`;
    return c.json(errorBody("not_found", message), 404);
  };
}
