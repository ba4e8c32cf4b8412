/**
 * The writing side of the prediction log spill files: an entry beyond `maxBuffered` joins
 * the newest spill segment, and one background task appends what the segments hold to
 * their files, oldest segment first, retrying each second while the disk fails.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import { type DiskSegment, diskSegment, type SharedQueueState } from "./prediction_log_segments.ts";
import { appendSpillLines, serializeEntry, type SpillNamer } from "./spill_file.ts";
import { removeReplayedFile } from "./spill_replay.ts";
import { describeError } from "../shared/describe_error.ts";

export class SpillAppender {
  readonly #queue: SharedQueueState;
  readonly #namer: SpillNamer;
  /** The spill directory exists once this resolves. */
  readonly #recovery: Promise<void>;
  readonly #fileMaxEntries: number;
  #failing = false;
  #task?: Promise<void>;

  constructor(
    queue: SharedQueueState,
    namer: SpillNamer,
    recovery: Promise<void>,
    fileMaxEntries: number,
  ) {
    this.#queue = queue;
    this.#namer = namer;
    this.#recovery = recovery;
    this.#fileMaxEntries = fileMaxEntries;
  }

  /** Adds an entry to the newest spill segment, or to a new one if that is full or sealed. */
  add(entry: PredictionLogEntry, seq: number): void {
    const line = serializeEntry(entry);
    const { segments, counts } = this.#queue;
    let last = segments.at(-1);
    if (last?.kind !== "disk" || last.sealed || last.size >= this.#fileMaxEntries) {
      last = diskSegment(this.#namer.next(), seq, 0, false);
      segments.push(last);
    }
    last.pending.push(line);
    last.size++;
    counts.spilled++;
    counts.spilledTotal++;
    this.#start();
  }

  /** Resolves when every spilled entry is on disk (or counted as dropped after a stop). */
  async drained(): Promise<void> {
    this.#start();
    while (this.#task) await this.#task;
  }

  /**
   * Writes entries to a new spill file for the next process, then removes the files of the
   * segments read back (`replayed`) they include. False when it cannot be written (logged).
   */
  async keep(entries: PredictionLogEntry[], replayed: DiskSegment[]): Promise<boolean> {
    const { counts, logger } = this.#queue;
    const path = this.#namer.next();
    try {
      await appendSpillLines(path, entries.map(serializeEntry));
    } catch (error) {
      logger.error("Cannot save unwritten prediction logs", { error: describeError(error) });
      return false;
    }
    for (const segment of replayed) await removeReplayedFile(segment.path, logger);
    counts.spilled += entries.length;
    counts.spilledTotal += entries.length;
    logger.warn("Prediction log writer closed with unwritten entries; kept for the next start", {
      entries: entries.length,
      path,
    });
    return true;
  }

  #start(): void {
    const waiting = this.#queue.segments.some((s) => s.kind === "disk" && s.pending.length > 0);
    if (waiting) this.#task ??= this.#run().finally(() => this.#task = undefined);
  }

  async #run(): Promise<void> {
    await this.#recovery;
    const { segments, counts, stop, logger } = this.#queue;
    for (;;) {
      const segment = segments.find((s): s is DiskSegment =>
        s.kind === "disk" && s.pending.length > 0 && (!s.reading || stop.stopped)
      );
      if (!segment) return;
      const lines = segment.pending.splice(0);
      const append = appendSpillLines(segment.path, lines);
      segment.appending = append.catch(() => {});
      try {
        await append;
        this.#failing = false;
      } catch (error) {
        segment.pending.unshift(...lines);
        if (!this.#failing) {
          logger.error("Cannot append to a prediction log spill file; retrying", {
            path: segment.path,
            error: describeError(error),
          });
        }
        this.#failing = true;
        if (stop.stopped) {
          counts.dropped += segment.pending.length;
          counts.spilled -= segment.pending.length;
          segment.pending = [];
        } else await stop.pause(1_000);
      } finally {
        segment.appending = undefined;
      }
    }
  }
}
