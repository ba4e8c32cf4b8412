/**
 * How the prediction log writer reacts to failed writes: which failures are worth a retry,
 * how long to wait before the next attempt, and when a hung write counts as failed.
 */

/** Bounds of the exponential backoff between attempts of a failing write. */
export interface RetryOptions {
  initialMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (0 for the first retry): the delay doubles from
 * `initialMs` up to `maxMs`, and a random half of it is shaved off ("equal jitter") so
 * many writers recovering together do not hit the database in step.
 */
export function backoffDelay(
  { initialMs, maxMs }: RetryOptions,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

/** The Postgres SQLSTATE of an error or of any error in its `cause` chain, if it has one. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * True when retrying cannot help because the rows themselves are refused: Postgres data
 * exceptions (class 22, e.g. an invalid uuid) and integrity violations (class 23, e.g. a
 * `ticket_id` naming no ticket). Anything else (connection lost, timeout, server
 * restarting) is taken as transient.
 */
export function isPermanentWriteError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith("22") || state.startsWith("23"));
}

/** Settles like `promise`, or rejects once `ms` have passed without it settling. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The message of anything thrown, followed by its causes: `Failed query ...: Connection ...`. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 4; depth++) {
    const message = current instanceof Error
      ? current.message
      : (current as { message?: unknown })?.message ?? String(current);
    parts.push(String(message).split("\n")[0].slice(0, 300));
    current = (current as { cause?: unknown })?.cause ?? undefined;
  }
  return parts.join(": ");
}
