/**
 * The entries of the prediction log queue not taken into a batch yet: a FIFO of segments,
 * in memory while fewer than `maxBuffered` entries are there (batches included), then in
 * spill files (see `queue_overflow.ts`). Spill files left by a previous process go first.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import type { Logger } from "../shared/logger.ts";
import { StopSignal } from "./interruptible_waits.ts";
import { keepInMemory, takeFromMemory } from "./memory_segments.ts";
import {
  type Batch,
  collectUntaken,
  hasUntaken,
  lowestSeqIn,
  QueueCounts,
  type Segment,
} from "./prediction_log_segments.ts";
import { QueueOverflow } from "./queue_overflow.ts";
import { SpillAppender } from "./spill_appender.ts";
import { createSpillNamer, type SpillNamer } from "./spill_file.ts";
import { removeReplayedFile, SpillReplay } from "./spill_replay.ts";
import type { UnsettledBatches } from "./unsettled_batches.ts";

export interface PredictionLogQueueOptions {
  maxBatch: number;
  maxBuffered: number;
  spillDir?: string;
  spillFileMaxEntries: number;
  logger: Logger;
  /** Called when entries leave the queue without a write (dropped, file replayed). */
  onChange(): void;
}

export class PredictionLogBacklog {
  readonly #options: PredictionLogQueueOptions;
  readonly #segments: Segment[] = [];
  readonly counts = new QueueCounts();
  readonly #stop = new StopSignal();
  readonly #replay: SpillReplay;
  readonly #spill?: SpillAppender;
  readonly #overflow: QueueOverflow;
  #recovered = false;
  /** Resolves once leftover spill files are found (never rejects). */
  readonly recovery: Promise<void>;

  constructor(options: PredictionLogQueueOptions) {
    this.#options = options;
    const { spillDir, logger } = options;
    const shared = { segments: this.#segments, counts: this.counts, stop: this.#stop, logger };
    this.#replay = new SpillReplay(shared);
    const namer = spillDir === undefined ? undefined : createSpillNamer(spillDir);
    this.recovery = this.#recover(spillDir, namer);
    if (namer) {
      this.#spill = new SpillAppender(shared, namer, this.recovery, options.spillFileMaxEntries);
    }
    this.#overflow = new QueueOverflow(shared, options, this.#spill);
  }

  /** False until the spill files left by a previous process are in front. */
  get recovered(): boolean {
    return this.#recovered;
  }

  push(entry: PredictionLogEntry, seq: number): void {
    if (this.counts.inMemory() < this.#options.maxBuffered) {
      keepInMemory(this.#segments, this.counts, entry, seq);
    } else this.#overflow.accept(entry, seq);
  }

  /** Whether a segment may still hand out entries (a spill one until its file is removed). */
  hasEntries(): boolean {
    return this.#segments.some((s) => s.kind === "memory" ? hasUntaken(s) : true);
  }

  /** The oldest entries, handed out to `batches`; a spill file is read back in its turn. */
  async take(batches: UnsettledBatches): Promise<Batch | undefined> {
    const { maxBatch, logger } = this.#options;
    while (this.#segments.length > 0 && !this.#stop.stopped) {
      const segment = this.#segments[0];
      if (segment.kind === "memory") {
        if (hasUntaken(segment)) {
          return batches.track(takeFromMemory(segment, this.counts, maxBatch));
        }
        if (this.#segments.length === 1) return undefined;
        this.#segments.shift();
      } else if (!segment.loaded) {
        await this.#replay.load(segment);
      } else if (segment.taken < segment.loaded.length) {
        return batches.track(this.#replay.take(segment, maxBatch));
      } else {
        await removeReplayedFile(segment.path, logger);
        this.#segments.shift();
        this.#options.onChange();
      }
    }
    return undefined;
  }

  lowestSeq(): number {
    return lowestSeqIn(this.#segments);
  }

  /** A batch of `count` entries left memory, written or refused. */
  release(count: number): void {
    this.counts.inBatches -= count;
    this.#overflow.ebb();
  }

  /** Stops reading spill files back; appends still running finish (see `drained`). */
  stop(): void {
    this.#stop.stop();
  }

  /** Resolves when every spilled entry is on disk (or counted as dropped after `stop`). */
  async drained(): Promise<void> {
    await this.#spill?.drained();
  }

  /** After `stop`: see `PredictionLogQueue.saveUnwritten`; `entries` are the batches'. */
  async saveUnwritten(entries: PredictionLogEntry[]): Promise<number> {
    const readBack = collectUntaken(this.#segments, entries);
    this.counts.inSegments = this.counts.inBatches = 0;
    if (entries.length === 0) return 0;
    if (await this.#spill?.keep(entries, readBack)) return entries.length;
    this.counts.dropped += entries.length;
    this.#options.logger.error(
      "Prediction log writer closed with unwritten entries; they are lost",
      { entries: entries.length },
    );
    return entries.length;
  }

  async #recover(spillDir?: string, namer?: SpillNamer): Promise<void> {
    if (spillDir !== undefined && namer) await this.#replay.recover(spillDir, namer.instance);
    this.#recovered = true;
  }
}
