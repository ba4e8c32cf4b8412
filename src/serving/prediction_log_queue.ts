/**
 * The backlog of the prediction log writer: a FIFO of segments, in memory while fewer than
 * `maxBuffered` entries wait there, then in spill files (see `spill_file.ts`). Spill files
 * left by a previous process go first. Batches are taken from the front; a batch stays
 * "outstanding" until it is settled (written or refused) or handed back for a retry.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import type { Logger } from "../logger.ts";
import {
  appendSpillLines,
  createSpillNamer,
  findLeftoverSpillFiles,
  parseSpillLine,
  readSpillLines,
  removeSpillFile,
  serializeEntry,
  type SpillNamer,
} from "./spill_file.ts";

/** Entries written together; `firstSeq` bounds their enqueue numbers from below. */
export interface Batch {
  readonly entries: PredictionLogEntry[];
  /** Sequence number of the first entry (a lower bound for spilled ones); -1 for leftovers. */
  readonly firstSeq: number;
  readonly leftover: boolean;
}

export interface PredictionLogQueueOptions {
  maxBatch: number;
  maxBuffered: number;
  spillDir?: string;
  spillFileMaxEntries: number;
  logger: Logger;
  /** Called when entries leave the queue without a write (dropped, file replayed). */
  onChange(): void;
  describeError(error: unknown): string;
}

interface MemorySegment {
  kind: "memory";
  entries: PredictionLogEntry[];
  /** Index of the first entry not yet taken; `firstSeq` is its sequence number. */
  next: number;
  firstSeq: number;
}

interface DiskSegment {
  kind: "disk";
  path: string;
  leftover: boolean;
  firstSeq: number;
  /** Entries of the segment not yet taken into a batch (all of them until it is loaded). */
  size: number;
  /** Serialized entries not yet appended to the file. */
  pending: string[];
  appending?: Promise<void>;
  /** No entry is added any more (full, or being read back). */
  sealed: boolean;
  reading: boolean;
  loaded?: PredictionLogEntry[];
  taken: number;
}

type Segment = MemorySegment | DiskSegment;

/** The writer's backlog; every method but `next` and the shutdown ones is synchronous. */
export class PredictionLogQueue {
  readonly #options: PredictionLogQueueOptions;
  readonly #namer?: SpillNamer;
  readonly #segments: Segment[] = [];
  /** Batches to write before new ones, last first (a failed batch, halves of a refused one). */
  readonly #retries: Batch[] = [];
  readonly #outstanding = new Set<Batch>();
  #nextSeq = 0;
  #inSegments = 0;
  #inBatches = 0;
  #spilled = 0;
  #spilledTotal = 0;
  #dropped = 0;
  #overflowLogged = false;
  #spillFailing = false;
  #spillTask?: Promise<void>;
  readonly #pauses = new Set<() => void>();
  #stopped = false;
  #recovered = false;
  /** Resolves once leftover spill files are found (never rejects). */
  readonly recovery: Promise<void>;

  constructor(options: PredictionLogQueueOptions) {
    this.#options = options;
    if (options.spillDir !== undefined) this.#namer = createSpillNamer(options.spillDir);
    this.recovery = this.#recover();
  }

  /** Sequence number the next entry gets; `flush()` waits for every number below it. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  /** Entries in memory (outstanding batches included), in spill files, and dropped so far. */
  counts(): { queued: number; spilled: number; spilledTotal: number; dropped: number } {
    return {
      queued: this.#inSegments + this.#inBatches,
      spilled: this.#spilled,
      spilledTotal: this.#spilledTotal,
      dropped: this.#dropped,
    };
  }

  /** Entries waiting in memory segments, not yet taken into a batch. */
  get unbatched(): number {
    return this.#inSegments;
  }

  countDropped(count: number): void {
    this.#dropped += count;
  }

  /**
   * Adds an entry at the back: in memory below `maxBuffered`, else in a spill file, else
   * (no spill directory) in memory after dropping the oldest entry not being written.
   */
  push(entry: PredictionLogEntry): void {
    const seq = this.#nextSeq++;
    if (this.#inSegments + this.#inBatches < this.#options.maxBuffered) {
      this.#keepInMemory(entry, seq);
    } else if (this.#namer) this.#spill(entry, seq);
    else if (this.#dropOldest()) this.#keepInMemory(entry, seq);
  }

  hasWork(): boolean {
    return this.#outstanding.size > 0 || this.#retries.length > 0 ||
      this.#segments.some((s) => s.kind === "memory" ? s.next < s.entries.length : true);
  }

  /** The oldest batch to write, reading a spill file back when its turn comes. */
  async next(): Promise<Batch | undefined> {
    const retry = this.#retries.pop();
    if (retry) return this.#track(retry);
    while (this.#segments.length > 0 && !this.#stopped) {
      const segment = this.#segments[0];
      if (segment.kind === "memory") {
        if (segment.next < segment.entries.length) return this.#takeFromMemory(segment);
        if (this.#segments.length === 1) return undefined;
        this.#segments.shift();
      } else if (!segment.loaded) {
        await this.#load(segment);
      } else if (segment.taken < segment.loaded.length) {
        return this.#takeFromDisk(segment);
      } else {
        await this.#removeFile(segment.path);
        this.#segments.shift();
        this.#options.onChange();
      }
    }
    return undefined;
  }

  /** The batch was written or refused for good. False when `saveUnwritten` took it over. */
  settle(batch: Batch): boolean {
    if (!this.#outstanding.delete(batch)) return false;
    this.#inBatches -= batch.entries.length;
    if (this.#inSegments + this.#inBatches < this.#options.maxBuffered / 2) {
      this.#overflowLogged = false;
    }
    this.#options.onChange();
    return true;
  }

  /** Writes these batches next, the first one first (instead of `batch`, if given). */
  retry(batch: Batch, replacements: Batch[] = [batch]): void {
    if (!this.#outstanding.delete(batch)) return;
    this.#retries.push(...[...replacements].reverse());
  }

  /** The lowest sequence number not settled yet; -Infinity while leftovers wait. */
  lowestUnsettled(): number {
    if (!this.#recovered) return -Infinity;
    let lowest = Infinity;
    for (const batch of [...this.#outstanding, ...this.#retries]) {
      lowest = Math.min(lowest, batch.leftover ? -Infinity : batch.firstSeq);
    }
    for (const segment of this.#segments) {
      if (segment.kind === "disk") {
        lowest = Math.min(lowest, segment.leftover ? -Infinity : segment.firstSeq);
      } else if (segment.next < segment.entries.length) {
        lowest = Math.min(lowest, segment.firstSeq);
      }
    }
    return lowest;
  }

  /** Stops reading spill files back; appends still running finish (see `drained`). */
  stop(): void {
    this.#stopped = true;
    for (const resume of [...this.#pauses]) resume();
  }

  /** Resolves when every spilled entry is on disk (or counted as dropped after `stop`). */
  async drained(): Promise<void> {
    this.#startSpill();
    while (this.#spillTask) await this.#spillTask;
  }

  /**
   * After `stop`: moves everything still in memory (outstanding batches included, which may
   * still land: replaying a stored id is harmless) to a spill file for the next process, or
   * counts it as dropped without a spill directory. Returns how many entries were moved.
   */
  async saveUnwritten(): Promise<number> {
    const entries: PredictionLogEntry[] = [];
    const readBack: DiskSegment[] = [];
    for (const batch of this.#outstanding) entries.push(...batch.entries);
    for (const batch of [...this.#retries].reverse()) entries.push(...batch.entries);
    for (const segment of this.#segments) {
      if (segment.kind === "memory") entries.push(...segment.entries.slice(segment.next));
      else if (segment.loaded) {
        entries.push(...segment.loaded.slice(segment.taken));
        readBack.push(segment);
      } else segment.reading = false;
    }
    this.#outstanding.clear();
    this.#retries.length = 0;
    this.#inSegments = this.#inBatches = 0;
    if (entries.length === 0) return 0;
    const { logger, describeError } = this.#options;
    if (this.#namer) {
      const path = this.#namer.next();
      try {
        await appendSpillLines(path, entries.map(serializeEntry));
        for (const segment of readBack) await this.#removeFile(segment.path);
        this.#spilled += entries.length;
        this.#spilledTotal += entries.length;
        logger.warn(
          "Prediction log writer closed with unwritten entries; kept for the next start",
          {
            entries: entries.length,
            path,
          },
        );
        return entries.length;
      } catch (error) {
        logger.error("Cannot save unwritten prediction logs", { error: describeError(error) });
      }
    }
    this.#dropped += entries.length;
    logger.error("Prediction log writer closed with unwritten entries; they are lost", {
      entries: entries.length,
    });
    return entries.length;
  }

  #track(batch: Batch): Batch {
    this.#outstanding.add(batch);
    return batch;
  }

  #keepInMemory(entry: PredictionLogEntry, seq: number): void {
    let last = this.#segments.at(-1);
    if (last?.kind !== "memory") {
      last = { kind: "memory", entries: [], next: 0, firstSeq: seq };
      this.#segments.push(last);
    } else if (last.next === last.entries.length) {
      last.entries = [];
      last.next = 0;
      last.firstSeq = seq;
    }
    last.entries.push(entry);
    this.#inSegments++;
  }

  #spill(entry: PredictionLogEntry, seq: number): void {
    const line = serializeEntry(entry);
    let last = this.#segments.at(-1);
    if (last?.kind !== "disk" || last.sealed || last.size >= this.#options.spillFileMaxEntries) {
      last = {
        kind: "disk",
        path: this.#namer!.next(),
        leftover: false,
        firstSeq: seq,
        size: 0,
        pending: [],
        sealed: false,
        reading: false,
        taken: 0,
      };
      this.#segments.push(last);
    }
    last.pending.push(line);
    last.size++;
    this.#spilled++;
    this.#spilledTotal++;
    if (!this.#overflowLogged) {
      this.#overflowLogged = true;
      this.#options.logger.warn("Prediction log buffer is full; spilling entries to disk", {
        maxBuffered: this.#options.maxBuffered,
        spillDir: this.#options.spillDir,
      });
    }
    this.#startSpill();
  }

  /** Makes room by dropping the oldest entry not being written; false drops the new one. */
  #dropOldest(): boolean {
    this.#dropped++;
    if (!this.#overflowLogged) {
      this.#overflowLogged = true;
      this.#options.logger.warn(
        "Prediction log buffer is full and there is no spill directory; dropping the oldest entries",
        { maxBuffered: this.#options.maxBuffered },
      );
    }
    const segment = this.#segments.find((s): s is MemorySegment =>
      s.kind === "memory" && s.next < s.entries.length
    );
    if (!segment) return false;
    segment.next++;
    segment.firstSeq++;
    this.#inSegments--;
    this.#compact(segment);
    this.#options.onChange();
    return true;
  }

  #takeFromMemory(segment: MemorySegment): Batch {
    const count = Math.min(this.#options.maxBatch, segment.entries.length - segment.next);
    const batch = {
      entries: segment.entries.slice(segment.next, segment.next + count),
      firstSeq: segment.firstSeq,
      leftover: false,
    };
    segment.next += count;
    segment.firstSeq += count;
    this.#inSegments -= count;
    this.#inBatches += count;
    this.#compact(segment);
    return this.#track(batch);
  }

  #takeFromDisk(segment: DiskSegment): Batch {
    const loaded = segment.loaded!;
    const count = Math.min(this.#options.maxBatch, loaded.length - segment.taken);
    const batch = {
      entries: loaded.slice(segment.taken, segment.taken + count),
      firstSeq: segment.leftover ? -1 : segment.firstSeq,
      leftover: segment.leftover,
    };
    segment.taken += count;
    this.#spilled -= count;
    this.#inBatches += count;
    return this.#track(batch);
  }

  #compact(segment: MemorySegment): void {
    if (segment.next > 4096 && segment.next * 2 > segment.entries.length) {
      segment.entries = segment.entries.slice(segment.next);
      segment.next = 0;
    }
  }

  async #recover(): Promise<void> {
    const { spillDir, logger, describeError } = this.#options;
    try {
      if (spillDir === undefined || !this.#namer) return;
      const files = await findLeftoverSpillFiles(spillDir, this.#namer.instance);
      this.#segments.unshift(...files.map((file): DiskSegment => ({
        kind: "disk",
        path: file.path,
        leftover: true,
        firstSeq: -1,
        size: file.lines,
        pending: [],
        sealed: true,
        reading: false,
        taken: 0,
      })));
      const entries = files.reduce((sum, file) => sum + file.lines, 0);
      this.#spilled += entries;
      if (files.length > 0) {
        logger.info("Replaying prediction logs left in spill files by a previous process", {
          files: files.length,
          entries,
          spillDir,
        });
      }
    } catch (error) {
      logger.error("Cannot read the prediction log spill directory", {
        spillDir,
        error: describeError(error),
      });
    } finally {
      this.#recovered = true;
    }
  }

  /** Reads a spill segment back into memory: its file plus the lines not appended yet. */
  async #load(segment: DiskSegment): Promise<void> {
    segment.sealed = true;
    segment.reading = true;
    await segment.appending;
    let lines: string[];
    try {
      lines = await readSpillLines(segment.path);
    } catch (error) {
      segment.reading = false;
      this.#options.logger.error("Cannot read a prediction log spill file; retrying", {
        path: segment.path,
        error: this.#options.describeError(error),
      });
      await this.#pause(1_000);
      return;
    }
    if (this.#stopped) {
      segment.reading = false;
      return;
    }
    lines.push(...segment.pending.splice(0));
    const entries: PredictionLogEntry[] = [];
    for (const line of lines) {
      try {
        entries.push(parseSpillLine(line));
      } catch {
        // Counted below: a torn last line after a crash.
      }
    }
    if (entries.length < lines.length) {
      this.#options.logger.error("Prediction log spill file has unreadable lines; dropped", {
        path: segment.path,
        lines: lines.length - entries.length,
      });
    }
    this.#dropped += Math.max(0, segment.size - entries.length);
    this.#spilled += entries.length - segment.size;
    segment.size = entries.length;
    segment.loaded = entries;
  }

  #startSpill(): void {
    const waiting = this.#segments.some((s) => s.kind === "disk" && s.pending.length > 0);
    if (waiting) this.#spillTask ??= this.#runSpill().finally(() => this.#spillTask = undefined);
  }

  /** Appends spilled entries to their files, oldest segment first, one append at a time. */
  async #runSpill(): Promise<void> {
    await this.recovery;
    for (;;) {
      const segment = this.#segments.find((s): s is DiskSegment =>
        s.kind === "disk" && s.pending.length > 0 && (!s.reading || this.#stopped)
      );
      if (!segment) return;
      const lines = segment.pending.splice(0);
      const append = appendSpillLines(segment.path, lines);
      segment.appending = append.catch(() => {});
      try {
        await append;
        this.#spillFailing = false;
      } catch (error) {
        segment.pending.unshift(...lines);
        if (!this.#spillFailing) {
          this.#options.logger.error("Cannot append to a prediction log spill file; retrying", {
            path: segment.path,
            error: this.#options.describeError(error),
          });
        }
        this.#spillFailing = true;
        if (this.#stopped) {
          this.#dropped += segment.pending.length;
          this.#spilled -= segment.pending.length;
          segment.pending = [];
        } else await this.#pause(1_000);
      } finally {
        segment.appending = undefined;
      }
    }
  }

  /** Waits `ms`, or less when `stop()` is called. */
  #pause(ms: number): Promise<void> {
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

  async #removeFile(path: string): Promise<void> {
    try {
      await removeSpillFile(path);
    } catch (error) {
      this.#options.logger.error("Cannot remove a replayed prediction log spill file", {
        path,
        error: this.#options.describeError(error),
      });
    }
  }
}
