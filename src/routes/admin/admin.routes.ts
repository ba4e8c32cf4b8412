import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse } from "../../http/error_schema.ts";

const ReloadResult = z.object({
  swapped: z.array(z.string()).openapi({ example: ["churn@20261122T042440Z-6dfaa8e2"] }),
  models: z.array(z.object({
    name: z.string(),
    version: z.string().nullable(),
    challenger: z.string().nullable(),
    problem: z.string().nullable(),
    challenger_problem: z.string().nullable().openapi({
      description: "Why the pinned challenger is not the one compared (the champion serves on)",
    }),
  })),
}).openapi("ReloadResult");

/** `POST /admin/reload`: re-read the model pointer, answer what is served afterwards. */
export const reload = createRoute({
  method: "post",
  path: "/admin/reload",
  tags: ["Admin"],
  summary: "Re-read the model pointer and swap in any newly pinned version",
  // Always behind an admin key (without ADMIN_API_KEYS the route refuses every call).
  security: [{ bearer: [] }],
  responses: {
    200: { content: { "application/json": { schema: ReloadResult } }, description: "Reloaded" },
    401: errorResponse("Missing or invalid admin key"),
    403: errorResponse("Not an admin key, or ADMIN_API_KEYS unset"),
  },
});
