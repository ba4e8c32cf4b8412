import { DomainError, unavailableMessages } from "../errors.ts";

/**
 * Runs a database operation of a request. A domain error (unknown id, ...) passes through;
 * anything else means the database could not answer, which is a 503 the client may retry,
 * never a 500.
 */
export async function fromDatabase<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      503,
      "database_unavailable",
      unavailableMessages.database_unavailable(),
      { reason: error instanceof Error ? error.message : String(error) },
    );
  }
}
