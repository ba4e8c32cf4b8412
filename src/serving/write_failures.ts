/**
 * How the prediction log writer reacts to failed writes: which failures are worth a retry,
 * how long to wait before the next attempt, when a hung write counts as failed, and how an
 * outage is logged.
 */
import { describeError } from "../shared/describe_error.ts";
import type { Logger } from "../shared/logger.ts";

/** Bounds of the exponential backoff between attempts of a failing write. */
export interface RetryOptions {
  initialMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (0 for the first): doubling from `initialMs` up to
 * `maxMs`, less a random part of up to half ("equal jitter") so writers that recover
 * together do not hit the database in step.
 */
export function backoffDelay(
  { initialMs, maxMs }: RetryOptions,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

/**
 * True when retrying cannot help because Postgres refuses the rows themselves: a data
 * exception (SQLSTATE class 22, e.g. an invalid uuid) or an integrity violation (class 23,
 * e.g. a `ticket_id` naming no ticket), found on the error or along its `cause` chain.
 * Anything else (connection lost, timeout, server restarting) is taken as transient.
 */
export function isPermanentWriteError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return code.startsWith("22") || code.startsWith("23");
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A run of failed writes, logged once when it starts and once when the database answers
 * again, each time with the backlog (`counts`) as it is then.
 */
export class OutageLog {
  readonly #logger: Logger;
  readonly #counts: () => Record<string, number>;
  #outage?: { since: number; failures: number };

  constructor(logger: Logger, counts: () => Record<string, number>) {
    this.#logger = logger;
    this.#counts = counts;
  }

  failed(error: unknown): void {
    if (!this.#outage) {
      this.#outage = { since: performance.now(), failures: 0 };
      this.#logger.warn("Cannot write prediction logs; retrying with backoff", {
        error: describeError(error),
        ...this.#counts(),
      });
    }
    this.#outage.failures++;
  }

  /** The database answered (a write landed, or it refused the rows). */
  end(): void {
    if (!this.#outage) return;
    this.#logger.info("Prediction log writes recovered", {
      downMs: Math.round(performance.now() - this.#outage.since),
      failedWrites: this.#outage.failures,
      ...this.#counts(),
    });
    this.#outage = undefined;
  }
}
