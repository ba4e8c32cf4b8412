/**
 * The one loop of the prediction log writer: it lets a batch form after idling, writes it
 * (one write in flight), retries a failed write with backoff until the database is back, and
 * halves a batch the database refuses until the refused entries are alone; those are logged,
 * counted and, with a spill directory, kept in `prediction-log-rejected.jsonl` there.
 */
import { backoffDelay, type PredictionLogEntry, type RetryOptions } from "../../db/mod.ts";
import { describeError } from "../../shared/describe_error.ts";
import { withTimeout } from "../../shared/with_timeout.ts";
import type { Logger } from "../../shared/logger.ts";
import type { PredictionLogQueue } from "./queue.ts";
import { keepRejected } from "./spill_file.ts";

/** What the loop takes from the writer's settings (see `PredictionLogWriterOptions`). */
export interface WriteLoopSettings {
  write(entries: PredictionLogEntry[]): Promise<void>;
  maxBatch: number;
  flushIntervalMs: number;
  retry: RetryOptions;
  writeTimeoutMs: number;
  isPermanentError(error: unknown): boolean;
  spillDir?: string;
  logger: Logger;
}

/** Starts writing at once; `stop` ends it. */
export class WriteLoop {
  readonly #settings: WriteLoopSettings;
  readonly #queue: PredictionLogQueue;
  /** Whether a flush or close waits, so a batch should not wait to fill up. */
  readonly #hurry: () => boolean;
  #phase: "gathering" | "taking" | "writing" | "backoff" | "idle" = "gathering";
  /** Ends the current pause early. */
  #wakeUp?: () => void;
  #stopped = false;
  #written = 0;
  #failedWrites = 0;
  #rejected = 0;
  /** Settles once the refused entries so far are in their file (or the failure is logged). */
  #kept = Promise.resolve();
  #outage?: { since: number; failures: number };
  readonly #task: Promise<void>;

  constructor(settings: WriteLoopSettings, queue: PredictionLogQueue, hurry: () => boolean) {
    this.#settings = settings;
    this.#queue = queue;
    this.#hurry = hurry;
    this.#task = this.#run();
  }

  /** Entries in successful writes, failed attempts, and entries refused, since the start. */
  stats(): { written: number; failedWrites: number; rejected: number } {
    return { written: this.#written, failedWrites: this.#failedWrites, rejected: this.#rejected };
  }

  /** An entry was queued: wakes an idle loop, and ends the wait for a batch once one is full. */
  entryQueued(): void {
    if (this.#phase === "idle" || this.#queue.unbatched >= this.#settings.maxBatch) this.wake();
  }

  /** Ends the wait for a batch to form, if the loop waits for one (not a backoff). */
  wake(): void {
    if (this.#phase === "idle" || this.#phase === "gathering") this.#wakeUp?.();
  }

  /** Stops the loop and the queue; resolves once the loop ended, unless a write hangs. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#queue.stop();
    this.#wakeUp?.();
    // A hung write is not waited for: its batch is saved with the rest and may still land.
    if (this.#phase !== "writing") await this.#task;
    await this.#kept;
  }

  async #run(): Promise<void> {
    await this.#gather();
    while (!this.#stopped) {
      this.#phase = "taking";
      const batch = await this.#queue.take();
      if (this.#stopped) break;
      if (batch) {
        await this.#write(batch);
        continue;
      }
      this.#phase = "idle";
      // An entry may have come in while `take()` was returning.
      if (this.#queue.hasWork()) continue;
      await this.#pause();
      await this.#gather();
    }
  }

  /** Lets a batch form for a moment after idling; a full batch, a flush or close cut it short. */
  async #gather(): Promise<void> {
    this.#phase = "gathering";
    const until = performance.now() + this.#settings.flushIntervalMs;
    while (!this.#urgent() && performance.now() < until) {
      await this.#pause(until - performance.now());
    }
  }

  #urgent(): boolean {
    return this.#stopped || this.#hurry() || this.#queue.unbatched >= this.#settings.maxBatch;
  }

  /**
   * Writes entries, the front of the batch out, until they land or are refused, with backoff
   * between attempts; false when the loop stopped first (the batch is then saved at close).
   */
  async #write(entries: PredictionLogEntry[]): Promise<boolean> {
    const { write, writeTimeoutMs, isPermanentError, retry } = this.#settings;
    for (let attempt = 0; !this.#stopped; attempt++) {
      this.#phase = "writing";
      try {
        await withTimeout(write(entries), writeTimeoutMs, "Prediction log write");
        this.#written += entries.length;
        this.#answered();
        this.#queue.settle(entries.length);
        return true;
      } catch (error) {
        if (isPermanentError(error)) return this.#refused(entries, error);
        this.#failed(error);
        if (this.#stopped) break;
        this.#phase = "backoff";
        await this.#pause(backoffDelay(retry, attempt));
      }
    }
    return false;
  }

  /** The database refused some of the rows: halves (front first) until each is alone. */
  async #refused(entries: PredictionLogEntry[], error: unknown): Promise<boolean> {
    this.#answered();
    if (entries.length === 1) {
      if (this.#queue.settle(1)) this.#setAside(entries[0], error);
      return true;
    }
    const half = Math.ceil(entries.length / 2);
    return await this.#write(entries.slice(0, half)) && await this.#write(entries.slice(half));
  }

  #setAside(entry: PredictionLogEntry, error: unknown): void {
    const { logger, spillDir } = this.#settings;
    const predictionId = entry.request.id;
    this.#rejected++;
    logger.error("The database refused a prediction log entry; it is set aside", {
      predictionId,
      error: describeError(error),
    });
    if (spillDir === undefined) return;
    this.#kept = this.#kept.then(() => keepRejected(spillDir, entry, error)).catch((failure) =>
      logger.error("Cannot keep a refused prediction log entry", {
        predictionId,
        error: describeError(failure),
      })
    );
  }

  /** A write failed: the first failure of an outage is logged, with the backlog then. */
  #failed(error: unknown): void {
    this.#failedWrites++;
    if (!this.#outage) {
      this.#outage = { since: performance.now(), failures: 0 };
      this.#settings.logger.warn("Cannot write prediction logs; retrying with backoff", {
        error: describeError(error),
        ...this.#queue.stats(),
      });
    }
    this.#outage.failures++;
  }

  /** The database answered (a write landed, or it refused the rows): an outage ends. */
  #answered(): void {
    if (!this.#outage) return;
    this.#settings.logger.info("Prediction log writes recovered", {
      downMs: Math.round(performance.now() - this.#outage.since),
      failedWrites: this.#outage.failures,
      ...this.#queue.stats(),
    });
    this.#outage = undefined;
  }

  /** Waits until `wake` or `stop`, or at most `ms`. */
  #pause(ms?: number): Promise<void> {
    const { promise, resolve } = Promise.withResolvers<void>();
    const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
    this.#wakeUp = resolve;
    return promise.finally(() => clearTimeout(timer));
  }
}
