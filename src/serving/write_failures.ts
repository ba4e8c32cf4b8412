/** How the prediction log writer logs an outage (a run of failed writes). */
import { describeError } from "../failures.ts";
import type { Logger } from "../logger.ts";

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
