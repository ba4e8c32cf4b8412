/**
 * The queue of the prediction log, sole owner of the entries between `enqueue` and the
 * database and of their counters. Entries are numbered as they come and wait in that order in
 * one line: in memory while fewer than `maxBuffered` are there (the batch out included), else
 * as spill files that each stand in the line for the entries in them; without a spill
 * directory the oldest entry not being written is dropped instead. Spill files a previous
 * process left go first. One batch is out at a time, settled from its front, and older than
 * all still in line: so whether a flush is done is one comparison (`lowestUnsettled`).
 */
import type { PredictionLogEntry } from "../../db/mod.ts";
import { describeError } from "../../shared/describe_error.ts";
import type { Logger } from "../../shared/logger.ts";
import { SpillDir, SpillFile } from "./spill_file.ts";

/** What the queue takes from the writer's settings (see `PredictionLogWriterOptions`). */
export interface QueueSettings {
  maxBatch: number;
  maxBuffered: number;
  spillDir?: string;
  spillFileMaxEntries: number;
  logger: Logger;
}

/** An entry waiting in memory, with its number. */
type Queued = { seq: number; entry: PredictionLogEntry };

/** The entries waiting to be written; all is synchronous but `take` and `saveUnwritten`. */
export class PredictionLogQueue {
  readonly #settings: QueueSettings;
  /** Told when `lowestUnsettled()` may have risen. */
  readonly #onChange: () => void;
  /** The line, oldest first from `#head` (the items before are taken; see `#compact`). */
  #line: (Queued | SpillFile)[] = [];
  #head = 0;
  /** The batch out for writing; its first `settled` entries are done. */
  #batch?: { entries: PredictionLogEntry[]; firstSeq: number; settled: number };
  #nextSeq = 0;
  /** Entries in memory, not taken into a batch. */
  #unbatched = 0;
  readonly #totals = { spilledTotal: 0, dropped: 0 };
  /** Whether the overflow is logged since memory was last half empty: one line per episode. */
  #overflowLogged = false;
  #closedLogged = false;
  readonly #stop = new AbortController();
  readonly #spill?: SpillDir;
  readonly #recovery: Promise<void>;
  #recovered = false;

  constructor(settings: QueueSettings, onChange: () => void) {
    this.#settings = settings;
    this.#onChange = onChange;
    const { spillDir, logger } = settings;
    if (spillDir !== undefined) this.#spill = new SpillDir(spillDir, logger, this.#stop.signal);
    this.#recovery = this.#recover();
  }

  /** The number the next entry gets: a flush waits for every number below it. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  /** Entries in memory not taken into a batch yet. */
  get unbatched(): number {
    return this.#unbatched;
  }

  /** Entries in memory (the batch out included) and in spill files now, and totals. */
  stats(): { queued: number; spilled: number; spilledTotal: number; dropped: number } {
    let spilled = 0;
    // Summed at call time (a scrape): cheaper than counting every add, take and loss.
    for (let i = this.#head; this.#spill && i < this.#line.length; i++) {
      const item = this.#line[i];
      if (item instanceof SpillFile) spilled += item.size;
    }
    return { queued: this.#inMemory(), spilled, ...this.#totals };
  }

  hasWork(): boolean {
    return this.#batch !== undefined || this.#head < this.#line.length;
  }

  /**
   * Adds an entry at the back: in memory below `maxBuffered`, else to a spill file, else in
   * memory after dropping the oldest entry not being written. Never throws: an entry that
   * cannot be queued, or comes after `stop`, is counted as dropped and logged.
   */
  push(entry: PredictionLogEntry): void {
    const { logger, maxBuffered } = this.#settings;
    if (this.#stop.signal.aborted) {
      this.#totals.dropped++;
      if (this.#closedLogged) return;
      this.#closedLogged = true;
      const fields = { predictionId: entry?.request?.id };
      return logger.error("Prediction log entries dropped: the writer is closed", fields);
    }
    try {
      const queued = { entry: stampCreatedAt(entry), seq: this.#nextSeq };
      this.#nextSeq++;
      if (this.#inMemory() < maxBuffered) this.#keep(queued);
      else if (this.#spill) this.#addToSpill(this.#spill, queued);
      else if (this.#dropOldest()) this.#keep(queued);
    } catch (error) {
      this.#totals.dropped++;
      const fields = { error: describeError(error) };
      logger.error("Prediction log entry dropped: cannot queue it", fields);
    }
  }

  /**
   * The oldest entries (`maxBatch` at most) as the batch out, once the last one is settled; a
   * spill file is read back in its turn. Undefined when none wait, or after `stop`.
   */
  async take(): Promise<PredictionLogEntry[] | undefined> {
    await this.#recovery;
    while (this.#head < this.#line.length && !this.#stop.signal.aborted) {
      const item = this.#line[this.#head];
      if (!(item instanceof SpillFile)) return this.#takeFromMemory();
      if (!item.loaded) await this.#load(item);
      else if (item.size > 0) {
        return this.#handOut(item.take(this.#settings.maxBatch), item.firstSeq);
      } else {
        // Removed before it leaves the line, so a flush waits for the file to go.
        await item.remove();
        this.#head++;
        this.#onChange();
      }
    }
    return undefined;
  }

  /** The first `count` entries of the batch out are written or set aside; false after `stop`. */
  settle(count: number): boolean {
    if (!this.#batch) return false;
    this.#batch.settled += count;
    if (this.#batch.settled >= this.#batch.entries.length) this.#batch = undefined;
    if (this.#inMemory() < this.#settings.maxBuffered / 2) this.#overflowLogged = false;
    this.#onChange();
    return true;
  }

  /** At most the lowest number not settled; -Infinity until leftover spill files are in line. */
  lowestUnsettled(): number {
    if (!this.#recovered) return -Infinity;
    if (this.#batch) return this.#batch.firstSeq + this.#batch.settled;
    const item = this.#line[this.#head];
    return item === undefined ? Infinity : item instanceof SpillFile ? item.firstSeq : item.seq;
  }

  /** Stops handing out batches and retrying the disk; later entries are dropped. */
  stop(): void {
    this.#stop.abort();
  }

  /**
   * After `stop`: moves what is in memory, the batch out first (it may still land, which is
   * harmless as stored ids are skipped), to a spill file for the next process, or counts it
   * as dropped without a spill directory; then waits for the spill files to be on disk.
   */
  async saveUnwritten(): Promise<void> {
    const firstSeq = this.lowestUnsettled();
    const entries = this.#batch?.entries.slice(this.#batch.settled) ?? [];
    const readBack: SpillFile[] = [];
    const onDisk: SpillFile[] = [];
    for (const item of this.#line.slice(this.#head)) {
      if (!(item instanceof SpillFile)) entries.push(item.entry);
      else if (!item.loaded) onDisk.push(item);
      else {
        entries.push(...item.take(Infinity));
        readBack.push(item);
      }
    }
    this.#batch = undefined;
    this.#unbatched = this.#head = 0;
    const saved = entries.length > 0 ? this.#spill?.newFile(firstSeq) : undefined;
    if (saved) {
      for (const entry of entries) {
        try {
          saved.add(entry);
        } catch {
          this.#totals.dropped++; // it cannot be serialized: lost, and logged below
        }
      }
      onDisk.unshift(saved);
    } else this.#totals.dropped += entries.length;
    this.#line = onDisk;
    for (const file of onDisk) this.#totals.dropped += await file.drained();
    this.#totals.spilledTotal += saved?.size ?? 0;
    if (entries.length === 0) return;
    const { logger } = this.#settings;
    const fields = { entries: entries.length, kept: saved?.size ?? 0, path: saved?.path };
    const message = "Prediction log writer closed with unwritten entries";
    if (fields.kept < entries.length) return logger.error(`${message}; some are lost`, fields);
    logger.warn(`${message}; kept for the next start`, fields);
    // The files read back hold entries saved again just now: only now may they go.
    for (const file of readBack) await file.remove();
  }

  #inMemory(): number {
    return this.#unbatched + (this.#batch ? this.#batch.entries.length - this.#batch.settled : 0);
  }

  #keep(queued: Queued): void {
    this.#line.push(queued);
    this.#unbatched++;
  }

  #addToSpill(spill: SpillDir, { entry, seq }: Queued): void {
    const { maxBuffered, spillDir, spillFileMaxEntries } = this.#settings;
    const last = this.#line.at(-1);
    let file = last instanceof SpillFile && last.accepts(spillFileMaxEntries) ? last : undefined;
    if (!file) this.#line.push(file = spill.newFile(seq));
    file.add(entry);
    this.#totals.spilledTotal++;
    const message = "Prediction log buffer is full; spilling entries to disk";
    this.#logOverflow(message, { maxBuffered, spillDir });
  }

  /** Makes room by dropping the oldest entry not being written; false drops the new one. */
  #dropOldest(): boolean {
    this.#totals.dropped++;
    const message =
      "Prediction log buffer is full and there is no spill directory; dropping the oldest entries";
    this.#logOverflow(message, { maxBuffered: this.#settings.maxBuffered });
    if (this.#head === this.#line.length) return false; // all in the batch out
    this.#head++; // without a spill directory the line holds entries only
    this.#unbatched--;
    this.#compact();
    this.#onChange();
    return true;
  }

  #logOverflow(message: string, fields: Record<string, unknown>): void {
    if (this.#overflowLogged) return;
    this.#overflowLogged = true;
    this.#settings.logger.warn(message, fields);
  }

  async #load(file: SpillFile): Promise<void> {
    const counted = file.size;
    // Unreadable lines (a torn write) were counted as spilled entries: they are dropped now.
    if (await file.readBack()) this.#totals.dropped += Math.max(0, counted - file.size);
  }

  #takeFromMemory(): PredictionLogEntry[] {
    const start = this.#head;
    const end = Math.min(this.#line.length, start + this.#settings.maxBatch);
    while (this.#head < end && !(this.#line[this.#head] instanceof SpillFile)) this.#head++;
    const taken = this.#line.slice(start, this.#head) as Queued[];
    this.#unbatched -= taken.length;
    this.#compact();
    return this.#handOut(taken.map((queued) => queued.entry), taken[0].seq);
  }

  #handOut(entries: PredictionLogEntry[], firstSeq: number): PredictionLogEntry[] {
    this.#batch = { entries, firstSeq, settled: 0 };
    return entries;
  }

  /** Frees the taken front of the line once it is most of it: a shift per entry costs O(n). */
  #compact(): void {
    if (this.#head > 4096 && this.#head * 2 > this.#line.length) {
      this.#line = this.#line.slice(this.#head);
      this.#head = 0;
    }
  }

  async #recover(): Promise<void> {
    this.#line.splice(this.#head, 0, ...(await this.#spill?.leftovers() ?? []));
    this.#recovered = true;
    this.#onChange();
  }
}

/** Fixes the time of the prediction now, so a late write keeps it; copies the entry. */
function stampCreatedAt(entry: PredictionLogEntry): PredictionLogEntry {
  const createdAt = entry.request.createdAt ?? new Date();
  return {
    request: { ...entry.request, createdAt },
    outputs: entry.outputs.map((o) => ({ ...o, createdAt: o.createdAt ?? createdAt })),
  };
}
