import { z } from "@hono/zod-openapi";
import type { UnavailableCode } from "./error_messages.ts";
import { unavailableExample } from "./error_examples.ts";

/** The one error body every route returns: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().openapi({ example: "invalid_input" }),
    message: z.string().openapi({ example: "Request body is invalid" }),
    details: z.unknown().optional(),
  }),
}).openapi("Error");

/** The type of an error body. */
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Builds an error body. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * A `createRoute` response entry for an error status. A 503 that may carry several codes
 * names them (and the route's model), each documented by an example; otherwise the status's
 * usual code is shown (`error_examples.ts`).
 */
export function errorResponse(
  description: string,
  unavailable?: { codes: UnavailableCode[]; model?: string },
) {
  if (!unavailable) return jsonResponse(ErrorBody, description);
  const examples = Object.fromEntries(
    unavailable.codes.map((code) => [
      code,
      { value: { error: unavailableExample(code, unavailable.model) } },
    ]),
  );
  return { content: { "application/json": { schema: ErrorBody, examples } }, description };
}

/** The 401 of every route behind the API keys (`/admin` names its own keys). */
export const unauthorizedResponse = errorResponse("Missing or invalid API key");

/** A `createRoute` response entry with a JSON body. */
export function jsonResponse<T>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}
