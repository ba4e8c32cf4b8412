/**
 * What clients read in the error bodies the HTTP layer writes itself: the routes answer them
 * and the OpenAPI document shows them as examples, from this one source.
 */

/** The messages of the 503s a client may retry, by code. */
export const unavailableMessages = {
  model_not_ready: (model: string) => `Model "${model}" is not loaded`,
  database_unavailable: () => "The database did not answer; retry shortly",
  prediction_log_pending: () =>
    "The prediction log is not written yet (is the database back?); retry shortly",
};

/** A 503 code a client may retry. */
export type UnavailableCode = keyof typeof unavailableMessages;

/** The 415 every route with a body answers to a body that is not declared JSON. */
export const unsupportedMediaTypeMessage =
  'The body must be JSON, sent with "Content-Type: application/json"';
