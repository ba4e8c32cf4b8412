import { OpenAPIHono } from "@hono/zod-openapi";
import { errorBody } from "./error_schema.ts";

/**
 * An `OpenAPIHono` whose validation failures answer 422 with one entry per bad field,
 * instead of the library's default 400 with the raw zod error.
 */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const fields = result.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      }));
      return c.json(errorBody("invalid_input", "Request is invalid", { fields }), 422);
    },
  });
}
