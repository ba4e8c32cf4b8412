/**
 * When a failed database write is worth another attempt, and how long to wait before it:
 * shared by the prediction log writer and the background migration.
 */

/** Bounds of the exponential backoff between attempts of a failing operation. */
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
