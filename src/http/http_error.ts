/** The error statuses the API answers with a JSON body (500 is `onError`'s own). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503;

/**
 * A failure the HTTP layer itself decides (the database did not answer in time, a V2 path pins
 * another version): answered as `{ error: { code, message, details? } }` with `status`.
 * Domain modules throw their own errors instead; `error_handler.ts` gives those a status.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
