/**
 * The server's HTTP answers over time, by status class, kept in memory: a ring of fixed-time
 * buckets (5 minutes over 48 hours by default, 576 slots) that each answer counts into. No
 * timer: a slot is reset when a newer bucket reuses it, and reads skip slots left from an
 * older lap, so a quiet server holds nothing stale and nothing runs between requests.
 * @module
 */
import type { MiddlewareHandler } from "hono";

/** Requests answered, by status class. */
export interface RequestCounts {
  requests: number;
  clientErrors: number;
  serverErrors: number;
}

/** The requests answered in one bucket, from `start`. */
export interface RequestBucket extends RequestCounts {
  start: Date;
}

/** How a {@link RequestHistory} buckets; `now` is injectable for tests. */
export interface RequestHistoryOptions {
  bucketMs?: number;
  spanMs?: number;
  now?: () => number;
}

interface Slot extends RequestCounts {
  /** The bucket's number (start / bucketMs) this slot counts; -1 while unused. */
  bucket: number;
}

const zero = (): RequestCounts => ({ requests: 0, clientErrors: 0, serverErrors: 0 });

function add(counts: RequestCounts, status: number): void {
  counts.requests++;
  if (status >= 500) counts.serverErrors++;
  else if (status >= 400) counts.clientErrors++;
}

/** Counts every answer since the server started, and per bucket over the last `spanMs`. */
export class RequestHistory {
  readonly bucketMs: number;
  readonly #now: () => number;
  readonly #slots: Slot[];
  readonly #total = zero();

  constructor(
    { bucketMs = 5 * 60_000, spanMs = 48 * 3600_000, now = Date.now }: RequestHistoryOptions = {},
  ) {
    this.bucketMs = bucketMs;
    this.#now = now;
    this.#slots = Array.from(
      { length: Math.ceil(spanMs / bucketMs) },
      () => ({ bucket: -1, ...zero() }),
    );
  }

  /** Counts one answer with `status`, in the bucket of now. */
  record(status: number): void {
    const bucket = Math.floor(this.#now() / this.bucketMs);
    const slot = this.#slots[bucket % this.#slots.length];
    if (slot.bucket !== bucket) Object.assign(slot, { bucket, ...zero() });
    add(slot, status);
    add(this.#total, status);
  }

  /** Every answer since the server started. */
  total(): RequestCounts {
    return { ...this.#total };
  }

  /** The buckets of the span ending now that counted any answer, oldest first. */
  buckets(): RequestBucket[] {
    const current = Math.floor(this.#now() / this.bucketMs);
    const oldest = current - this.#slots.length + 1;
    return this.#slots
      .filter((s) => s.bucket >= oldest && s.bucket <= current)
      .sort((a, b) => a.bucket - b.bucket)
      .map(({ bucket, ...counts }) => ({ start: new Date(bucket * this.bucketMs), ...counts }));
  }

  /** Counts each answer of the app, once it is known (an error's answer included). */
  readonly middleware: MiddlewareHandler = async (c, next) => {
    await next();
    this.record(c.res.status);
  };
}
