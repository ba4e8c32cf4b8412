/** Waits that end early: the write loop's wake-up call, and the stop of the spill loops. */

/** One pending wait at a time, ended early by `notify()`. */
export class WakeSignal {
  #wake?: () => void;

  /** Waits until `notify()`, or at most `ms` when given. */
  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      this.#wake = done;
      if (ms !== undefined) timer = setTimeout(done, ms);
    });
  }

  notify(): void {
    this.#wake?.();
  }
}

/** A stop flag: raising it ends every pause under way, and later pauses take no time. */
export class StopSignal {
  readonly #pauses = new Set<() => void>();
  #stopped = false;

  get stopped(): boolean {
    return this.#stopped;
  }

  stop(): void {
    this.#stopped = true;
    for (const resume of [...this.#pauses]) resume();
  }

  /** Waits `ms`, or less when `stop()` is called. */
  pause(ms: number): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#pauses.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#pauses.add(done);
    });
  }
}
