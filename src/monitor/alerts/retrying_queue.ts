/**
 * Background delivery with retries: what the webhook and the GitHub dispatch go through.
 * Whoever enqueues never waits: attempts run on their own, each with a timeout, retried with
 * the database retry policy's backoff (exponential, with jitter), in a queue of bounded size.
 */
import { backoffDelay, type RetryOptions } from "../../db/mod.ts";
import { describeError } from "../../shared/describe_error.ts";
import type { Logger } from "../../shared/logger.ts";
import { sleep, withinTime } from "./abortable.ts";

/** Thrown by an attempt when retrying cannot help (the receiver refused the request). */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}

/** One thing to deliver. */
export interface Delivery {
  /** While a delivery with this key is queued or running, another one is not queued. */
  key: string;
  /** Logged with every attempt's outcome; never a secret or a URL's path. */
  fields: Record<string, unknown>;
  /** One attempt; rejects to be retried. It must give up when `signal` aborts. */
  attempt(signal: AbortSignal): Promise<void>;
  /** Runs once an attempt succeeded (stamping `delivered_at`, for instance). */
  delivered?(): Promise<unknown>;
}

/** Limits of a {@link RetryingQueue}; tests shorten them. */
export interface RetryingQueueOptions {
  /** Attempts before giving up, the first included (default 6). */
  attempts: number;
  /** Bounds of the wait between attempts (default 1 s doubling up to 60 s). */
  backoff: RetryOptions;
  /** One attempt is abandoned after this (default 10 s). */
  attemptTimeoutMs: number;
  /** Deliveries queued or running at most; beyond, new ones are refused (default 1000). */
  capacity: number;
  /** Deliveries running at once, so one hanging receiver does not hold up the rest (4). */
  concurrency: number;
}

const defaults: RetryingQueueOptions = {
  attempts: 6,
  backoff: { initialMs: 1_000, maxMs: 60_000 },
  attemptTimeoutMs: 10_000,
  capacity: 1_000,
  concurrency: 4,
};

/** What {@link RetryingQueue.enqueue} did with a delivery. */
export type EnqueueResult = "queued" | "duplicate" | "full" | "closed";

/** A bounded queue delivering in the background; see the module's doc. */
export class RetryingQueue {
  readonly #options: RetryingQueueOptions;
  readonly #waiting: Delivery[] = [];
  readonly #keys = new Set<string>();
  readonly #stopping = new AbortController();
  #running = 0;
  #idle: (() => void)[] = [];

  constructor(readonly logger: Logger, options: Partial<RetryingQueueOptions> = {}) {
    this.#options = { ...defaults, ...options };
  }

  /** Deliveries queued or running. */
  get size(): number {
    return this.#keys.size;
  }

  /** Queues `delivery` unless its key is already in, the queue is full or closed. */
  enqueue(delivery: Delivery): EnqueueResult {
    if (this.#stopping.signal.aborted) return "closed";
    if (this.#keys.has(delivery.key)) return "duplicate";
    if (this.#keys.size >= this.#options.capacity) {
      this.logger.warn("delivery queue full: left for a later run", delivery.fields);
      return "full";
    }
    this.#keys.add(delivery.key);
    this.#waiting.push(delivery);
    this.#pump();
    return "queued";
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.#keys.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Stops: running attempts and waits are abandoned, what is queued is dropped (not lost:
   * undelivered alerts are re-sent by the next monitor run).
   */
  async close(): Promise<void> {
    this.#stopping.abort(new Error("the delivery queue closed"));
    for (const dropped of this.#waiting.splice(0)) this.#keys.delete(dropped.key);
    await this.idle();
  }

  #pump(): void {
    while (this.#running < this.#options.concurrency && this.#waiting.length > 0) {
      const delivery = this.#waiting.shift()!;
      this.#running++;
      this.#deliver(delivery).finally(() => {
        this.#running--;
        this.#keys.delete(delivery.key);
        this.#pump();
        if (this.#keys.size === 0) { for (const resolve of this.#idle.splice(0)) resolve(); }
      });
    }
  }

  async #deliver(delivery: Delivery): Promise<void> {
    const { attempts, backoff } = this.#options;
    for (let attempt = 1;; attempt++) {
      try {
        await withinTime(delivery.attempt, this.#options.attemptTimeoutMs, this.#stopping.signal);
        break;
      } catch (error) {
        const fields = { ...delivery.fields, attempt, error: describeError(error) };
        if (this.#stopping.signal.aborted) {
          return this.logger.info("delivery stopped by shutdown", fields);
        }
        if (error instanceof PermanentDeliveryError || attempt >= attempts) {
          return this.logger.error("delivery failed: giving up", fields);
        }
        const waitMs = backoffDelay(backoff, attempt - 1);
        this.logger.warn("delivery failed: retrying", { ...fields, retry_in_ms: waitMs });
        if (!await sleep(waitMs, this.#stopping.signal)) return;
      }
    }
    this.logger.debug("delivered", delivery.fields);
    await delivery.delivered?.().catch((error) =>
      this.logger.warn("delivered, but not recorded", {
        ...delivery.fields,
        error: describeError(error),
      })
    );
  }
}
