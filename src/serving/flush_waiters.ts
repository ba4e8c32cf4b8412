/**
 * The pending `flush()` calls of a prediction log writer: each waits until every entry
 * numbered below its sequence number is settled, and fails after its timeout.
 */

interface Waiter {
  seq: number;
  resolve(): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class FlushWaiters {
  readonly #waiters: Waiter[] = [];

  get size(): number {
    return this.#waiters.length;
  }

  /** Waits for every entry numbered below `seq`; rejects with `timedOut()` after `timeoutMs`. */
  add(seq: number, timeoutMs: number, timedOut: () => Error): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        seq,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          reject(timedOut());
        }, timeoutMs),
      };
      this.#waiters.push(waiter);
    });
  }

  /** Resolves the waiters with nothing unsettled below them. */
  release(lowestUnsettled: number): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.seq > lowestUnsettled) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  rejectAll(message: string): void {
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(message));
    }
  }
}
