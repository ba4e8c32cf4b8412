import { OpenAPIHono } from "@hono/zod-openapi";
import type { RequestIdVariables } from "hono/request-id";
import { errorBody } from "./error_schema.ts";
import { fieldErrors } from "./field_errors.ts";

/** Per-request values every handler can read (`c.get("requestId")`). */
export type AppEnv = { Variables: RequestIdVariables };

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
