/** Base of the errors the API maps to a status code and a stable `code`. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A named resource (model, ticket, customer, prediction) does not exist. */
export class NotFoundError extends DomainError {
  constructor(kind: string, id: string) {
    super(404, "not_found", `Unknown ${kind} "${id}"`);
  }
}

/**
 * Client input the schema alone cannot judge (a label against the model's classes, tensor
 * shapes): a 422 whose `details.fields` names each bad field, like a schema failure's.
 */
export class InvalidInputError extends DomainError {
  constructor(message: string, fields: readonly { path: string; message: string }[]) {
    super(422, "invalid_input", message, { fields });
  }
}

/**
 * The messages of the 503s a client may retry, by code: what the routes answer and what the
 * docs show as examples.
 */
export const unavailableMessages = {
  model_not_ready: (model: string) => `Model "${model}" is not loaded`,
  database_unavailable: () => "The database did not answer; retry shortly",
  prediction_log_pending: () =>
    "The prediction log is not written yet (is the database back?); retry shortly",
};

export type UnavailableCode = keyof typeof unavailableMessages;

/** The 415 every route with a body answers to a body that is not declared JSON. */
export const unsupportedMediaTypeMessage =
  'The body must be JSON, sent with "Content-Type: application/json"';
