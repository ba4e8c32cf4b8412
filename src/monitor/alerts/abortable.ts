/** Waiting that a shutdown can cut short: the delivery queue's timers, none left behind. */

/** Waits `ms`; resolves false at once if `signal` aborts first (or has). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve(!signal.aborted);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
    if (signal.aborted) done();
  });
}

/**
 * Runs `task` with a signal that aborts after `timeoutMs` or when `stop` aborts, and settles
 * then even if `task` ignores its signal: a receiver that never answers holds up nothing.
 */
export async function withinTime(
  task: (signal: AbortSignal) => Promise<void>,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<void> {
  const controller = new AbortController();
  const abort = () => controller.abort(stop.reason);
  const timer = setTimeout(
    () => controller.abort(new Error(`timed out after ${timeoutMs} ms`)),
    timeoutMs,
  );
  stop.addEventListener("abort", abort);
  if (stop.aborted) abort();
  const abandoned = new Promise<never>((_, reject) =>
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason))
  );
  try {
    await Promise.race([task(controller.signal), abandoned]);
  } finally {
    clearTimeout(timer);
    stop.removeEventListener("abort", abort);
  }
}
