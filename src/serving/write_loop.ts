/**
 * The one loop of the prediction log writer: it lets a batch form after idling, writes it
 * (one write in flight), retries a failed write with backoff until the database is back,
 * and halves a batch the database refuses until the refused entries are isolated.
 */
import { WakeSignal } from "./interruptible_waits.ts";
import type { PredictionLogQueue } from "./prediction_log_queue.ts";
import type { Batch } from "./prediction_log_segments.ts";
import type { WriterSettings } from "./prediction_log_writer_options.ts";
import { RefusedEntries } from "./refused_entries.ts";
import { withTimeout } from "../failures.ts";
import { backoffDelay } from "../retry_policy.ts";
import { OutageLog } from "./write_failures.ts";

/** What the loop needs from the writer around it. */
export interface WriteLoopHooks {
  /** Whether a flush or close waits, so a batch should not wait to fill up. */
  hurry(): boolean;
  /** Called when the queue has nothing to hand out, to resolve the flushes waiting. */
  idle(): void;
}

export class WriteLoop {
  readonly #settings: WriterSettings;
  readonly #queue: PredictionLogQueue;
  readonly #hooks: WriteLoopHooks;
  readonly #signal = new WakeSignal();
  readonly #outage: OutageLog;
  readonly refused: RefusedEntries;
  #phase: "starting" | "idle" | "gathering" | "taking" | "writing" | "backoff" = "starting";
  #stopped = false;
  #written = 0;
  #failedWrites = 0;
  readonly #task: Promise<void>;

  constructor(settings: WriterSettings, queue: PredictionLogQueue, hooks: WriteLoopHooks) {
    this.#settings = settings;
    this.#queue = queue;
    this.#hooks = hooks;
    this.#outage = new OutageLog(settings.logger, () => queue.counts());
    this.refused = new RefusedEntries(settings.logger, settings.spillDir, queue.recovery);
    this.#task = this.#run();
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Entries in successful writes. */
  get written(): number {
    return this.#written;
  }

  /** Write attempts that failed. */
  get failedWrites(): number {
    return this.#failedWrites;
  }

  /** An entry was queued: wakes an idle loop, and ends the wait for a batch once one is full. */
  entryQueued(): void {
    if (this.#phase === "idle" || this.#queue.unbatched >= this.#settings.maxBatch) this.wake();
  }

  /** Ends the wait for a batch to form, if the loop is waiting for one. */
  wake(): void {
    if (this.#phase === "idle" || this.#phase === "gathering") this.#signal.notify();
  }

  /** Stops the loop and the queue; resolves when the loop has ended, unless a write hangs. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#queue.stop();
    this.#signal.notify();
    // A hung write is not waited for: its batch is saved with the rest and may still land.
    if (this.#phase !== "writing") await this.#task;
  }

  async #run(): Promise<void> {
    await this.#queue.recovery;
    await this.#gather();
    while (!this.#stopped) {
      this.#phase = "taking";
      const batch = await this.#queue.next();
      if (this.#stopped) break;
      if (batch) {
        await this.#writeBatch(batch);
        continue;
      }
      this.#hooks.idle();
      this.#phase = "idle";
      // An entry may have come in while `next()` was returning.
      if (this.#queue.hasWork()) continue;
      await this.#signal.wait();
      await this.#gather();
    }
  }

  /** Lets a batch form for a moment after idling; a full batch, a flush or close cut it short. */
  async #gather(): Promise<void> {
    this.#phase = "gathering";
    const until = performance.now() + this.#settings.flushIntervalMs;
    while (!this.#urgent() && performance.now() < until) {
      await this.#signal.wait(until - performance.now());
    }
  }

  #urgent(): boolean {
    return this.#stopped || this.#hooks.hurry() ||
      this.#queue.unbatched >= this.#settings.maxBatch;
  }

  /** Writes a batch, retrying with backoff until it lands, is refused, or the loop stops. */
  async #writeBatch(batch: Batch): Promise<void> {
    const settings = this.#settings;
    for (let attempt = 0;; attempt++) {
      this.#phase = "writing";
      try {
        const write = settings.write(batch.entries);
        await withTimeout(write, settings.writeTimeoutMs, "Prediction log write");
        this.#written += batch.entries.length;
        this.#outage.end();
        this.#queue.settle(batch);
        return;
      } catch (error) {
        if (settings.isPermanentError(error)) return this.#refuse(batch, error);
        this.#failedWrites++;
        this.#outage.failed(error);
        if (this.#stopped) return;
        this.#phase = "backoff";
        await this.#signal.wait(backoffDelay(settings.retry, attempt));
        if (this.#stopped) return;
      }
    }
  }

  /** The database answered but refused the rows: isolate the bad entries by halving. */
  #refuse(batch: Batch, error: unknown): void {
    this.#outage.end();
    if (batch.entries.length > 1) {
      const half = Math.ceil(batch.entries.length / 2);
      this.#queue.retry(batch, [
        { ...batch, entries: batch.entries.slice(0, half) },
        { ...batch, entries: batch.entries.slice(half) },
      ]);
    } else if (this.#queue.settle(batch)) this.refused.setAside(batch.entries[0], error);
  }
}
