import { setTimeout as sleep } from "node:timers/promises";
import { backoffDelay, type DatabaseHandle, type RetryOptions } from "../db/mod.ts";
import { describeError } from "../shared/describe_error.ts";
import { withTimeout } from "../shared/with_timeout.ts";
import type { Logger } from "../shared/logger.ts";

/** Backoff between migration attempts, and the longest one attempt may hang. */
const retry: RetryOptions = { initialMs: 500, maxMs: 30_000 };
const attemptTimeoutMs = 30_000;

/**
 * Migrates a remote database in the background, retrying with backoff until it succeeds or
 * `signal` aborts: a Postgres that is away when the server starts (a rollout during an outage)
 * must not crash-loop it. Meanwhile predictions are served and their log waits in the writer,
 * requests that need the database answer 503, and `/ready` (through `ping`) says why.
 * `migrated` rejects only when stopped first.
 */
export function migrateInBackground(
  database: DatabaseHandle,
  logger: Logger,
  signal: AbortSignal,
): DatabaseHandle {
  let problem: string | undefined = "migrations have not run yet";
  const migrated = (async () => {
    for (let attempt = 0;; attempt++) {
      signal.throwIfAborted();
      try {
        await withTimeout(database.migrate(), attemptTimeoutMs, "Migrating the database");
        problem = undefined;
        return;
      } catch (error) {
        const wait = backoffDelay(retry, attempt);
        problem = `cannot migrate the database (attempt ${attempt + 1}): ${describeError(error)}`;
        logger.warn(`Database not ready: ${problem}; retrying in ${wait} ms`);
        await sleep(wait, undefined, { signal }).catch(() => {}); // a stop ends the wait
      }
    }
  })();
  migrated.catch(() => {}); // stopped before the database came: nothing to report
  return {
    ...database,
    migrated,
    ping: async () => {
      if (problem) throw new Error(problem);
      await database.ping();
    },
  };
}
