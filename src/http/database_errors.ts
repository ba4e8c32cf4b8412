import { describeError } from "../shared/describe_error.ts";
import { DomainError } from "../domain/errors.ts";
import { withTimeout } from "../shared/with_timeout.ts";
import { unavailableMessages } from "./error_messages.ts";
import { HttpError } from "./http_error.ts";

/**
 * How long a request waits on the database: a connection that hangs (a network partition)
 * must answer the client a 503 to retry, not hold the request, and the server's shutdown,
 * for as long as the socket lives.
 */
export const databaseTimeoutMs = 5_000;

/**
 * Runs a database operation of a request. A domain error (unknown id, ...) or an `HttpError`
 * passes through; anything else, a hang included, means the database could not answer, which
 * is a 503 the client may retry, never a 500.
 */
export async function fromDatabase<T>(
  operation: () => Promise<T>,
  timeoutMs = databaseTimeoutMs,
): Promise<T> {
  try {
    return await withTimeout(operation(), timeoutMs, "The database query");
  } catch (error) {
    if (error instanceof DomainError || error instanceof HttpError) throw error;
    throw new HttpError(
      503,
      "database_unavailable",
      unavailableMessages.database_unavailable(),
      { reason: describeError(error) },
    );
  }
}
