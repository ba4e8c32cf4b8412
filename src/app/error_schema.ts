import { z } from "@hono/zod-openapi";

/** The one error body every route returns: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().openapi({ example: "invalid_input" }),
    message: z.string().openapi({ example: "Request body is invalid" }),
    details: z.unknown().optional(),
  }),
}).openapi("Error");

export type ErrorBody = z.infer<typeof ErrorBody>;

/** Builds an error body. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** A `createRoute` response entry for an error status. */
export function errorResponse(description: string) {
  return jsonResponse(ErrorBody, description);
}

/** A `createRoute` response entry with a JSON body. */
export function jsonResponse<T>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}
