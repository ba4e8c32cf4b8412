/** What can be set on a prediction log writer, and the defaults of what is not. */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { createLogger, type Logger } from "../logger.ts";
import { isPermanentWriteError, type RetryOptions } from "../retry_policy.ts";

/** How the writer batches, buffers, spills and retries. Only `write` is required. */
export interface PredictionLogWriterOptions {
  /** Stores a batch, all or nothing; e.g. `(entries) => logPredictions(db, entries)`. */
  write(entries: PredictionLogEntry[]): Promise<void>;
  /** Most entries per write (default 500). */
  maxBatch?: number;
  /** How long an idle writer lets a batch form after an entry arrives (default 50 ms). */
  flushIntervalMs?: number;
  /** Entries kept in memory (default 50,000); beyond, they spill to disk (or drop without `spillDir`). */
  maxBuffered?: number;
  /** Directory of the spill files; undefined (Deno Deploy) drops the oldest entries instead. */
  spillDir?: string;
  /** Entries per spill file before the next one starts (default 10,000). */
  spillFileMaxEntries?: number;
  /** Backoff between attempts of a failing write (default 100 ms doubling to 5 s, jittered). */
  retry?: RetryOptions;
  /**
   * A write not settled after this long counts as failed and is retried (default 30 s); the
   * abandoned attempt may still land, which is harmless as stored ids are skipped.
   */
  writeTimeoutMs?: number;
  /** Default limit of `flush()` (30 s). */
  flushTimeoutMs?: number;
  /** Default limit of `close()` (10 s). */
  closeTimeoutMs?: number;
  /** Whether a failed write can never succeed as is (default `isPermanentWriteError`). */
  isPermanentError?: (error: unknown) => boolean;
  logger?: Logger;
}

/** The options with every default filled in. */
export type WriterSettings =
  & Required<Omit<PredictionLogWriterOptions, "spillDir">>
  & Pick<PredictionLogWriterOptions, "spillDir">;

export function resolveWriterOptions(options: PredictionLogWriterOptions): WriterSettings {
  return {
    write: options.write,
    maxBatch: Math.max(1, options.maxBatch ?? 500),
    flushIntervalMs: options.flushIntervalMs ?? 50,
    maxBuffered: Math.max(1, options.maxBuffered ?? 50_000),
    spillDir: options.spillDir,
    spillFileMaxEntries: Math.max(1, options.spillFileMaxEntries ?? 10_000),
    retry: options.retry ?? { initialMs: 100, maxMs: 5_000 },
    writeTimeoutMs: options.writeTimeoutMs ?? 30_000,
    flushTimeoutMs: options.flushTimeoutMs ?? 30_000,
    closeTimeoutMs: options.closeTimeoutMs ?? 10_000,
    isPermanentError: options.isPermanentError ?? isPermanentWriteError,
    logger: options.logger ?? createLogger("info"),
  };
}
