/**
 * Errors a caller can act on (an unknown id, input the schema alone cannot judge), thrown by
 * domain modules. They carry no HTTP status: the HTTP layer maps each class to one
 * (`src/app/error_handler.ts`), so a pipeline or a script sees a plain error.
 */

/** Base of the errors domain modules throw for a condition a caller can act on. */
export class DomainError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A named resource (model, ticket, customer, prediction) does not exist. */
export class NotFoundError extends DomainError {
  constructor(readonly kind: string, readonly id: string) {
    super(`Unknown ${kind} "${id}"`);
  }
}

/** One invalid field of an input: dotted path and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Input the schema alone cannot judge (a label against the model's classes, tensor shapes),
 * naming each bad field like a schema failure does.
 */
export class InvalidInputError extends DomainError {
  constructor(message: string, readonly fields: readonly FieldError[]) {
    super(message);
  }
}
