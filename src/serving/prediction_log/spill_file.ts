/**
 * The spill files of the prediction log: JSON lines, one `PredictionLogEntry` each, named
 * `prediction-log-<start ms>-<instance>-<sequence>.jsonl` so that sorting names sorts them
 * oldest first, across processes too. A process only appends to its own files; those a
 * previous process left are replayed by the next one. Entries the database refused are kept
 * apart, in `prediction-log-rejected.jsonl`, for a human to look at.
 */
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { PredictionLogEntry } from "../../db/mod.ts";
import { describeError } from "../../shared/describe_error.ts";
import type { Logger } from "../../shared/logger.ts";

const spillName = /^prediction-log-\d{13}-[0-9a-f]{8}-\d{6}\.jsonl$/;

/** Name of the file where entries refused by the database are kept for a human to look at. */
export const rejectedFileName = "prediction-log-rejected.jsonl";

/** What the files of one directory share: it exists once `ready` settles; `stop` ends retries. */
interface SpillContext {
  ready: Promise<unknown>;
  logger: Logger;
  stop: AbortSignal;
}

/** The spill directory as one writer instance sees it: its own files, and those left before. */
export class SpillDir {
  readonly #path: string;
  readonly #context: SpillContext;
  /** `<start ms>-<random>`: the files of this instance sort after every earlier one's. */
  readonly #instance: string;
  #sequence = 0;

  constructor(path: string, logger: Logger, stop: AbortSignal) {
    this.#path = path;
    this.#context = { ready: Deno.mkdir(path, { recursive: true }), logger, stop };
    this.#context.ready.catch(() => {}); // reported by `leftovers`, and by each failing append
    const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(16).padStart(8, "0");
    this.#instance = `${String(Date.now()).padStart(13, "0")}-${random}`;
  }

  /** The files other instances left, oldest first; none if the directory is unreadable (logged). */
  async leftovers(): Promise<SpillFile[]> {
    const { ready, logger } = this.#context;
    try {
      await ready;
      const names: string[] = [];
      for await (const item of Deno.readDir(this.#path)) {
        const own = item.name.includes(this.#instance);
        if (item.isFile && spillName.test(item.name) && !own) names.push(item.name);
      }
      const files: SpillFile[] = [];
      for (const name of names.sort()) {
        const path = join(this.#path, name);
        files.push(new SpillFile(path, this.#context, -Infinity, (await readLines(path)).length));
      }
      const entries = files.reduce((sum, file) => sum + file.size, 0);
      const fields = { files: files.length, entries, spillDir: this.#path };
      const message = "Replaying prediction logs left in spill files by a previous process";
      if (files.length > 0) logger.info(message, fields);
      return files;
    } catch (error) {
      const fields = { spillDir: this.#path, error: describeError(error) };
      logger.error("Cannot read the prediction log spill directory", fields);
      return [];
    }
  }

  /** A new, empty file of this instance for entries from number `firstSeq` on. */
  newFile(firstSeq: number): SpillFile {
    return new SpillFile(this.#nextPath(), this.#context, firstSeq);
  }

  #nextPath(): string {
    const sequence = String(this.#sequence++).padStart(6, "0");
    return join(this.#path, `prediction-log-${this.#instance}-${sequence}.jsonl`);
  }
}

/**
 * One spill file: entries the queue has no memory for, appended in the background (retried
 * each second while the disk fails), then read back and taken in batches in their turn.
 */
export class SpillFile {
  readonly path: string;
  /** At most the number of its first entry; -Infinity when another process wrote it. */
  readonly firstSeq: number;
  readonly #context: SpillContext;
  /** Entries not taken yet; for a file not read back, its lines (torn ones included). */
  #size: number;
  /** Serialized entries not appended yet. */
  #pending: string[] = [];
  /** Takes no more entries: full, being read back, or not this instance's. */
  #sealed: boolean;
  /** Being read back, which takes the pending lines itself (unless the queue stopped). */
  #reading = false;
  /** The background appends, until nothing is pending or a read back takes over. */
  #appending?: Promise<void>;
  /** The entries read back, of which the first `#taken` are handed out. */
  #entries?: PredictionLogEntry[];
  #taken = 0;

  /** A file with `lines` already is sealed: another instance left it. */
  constructor(path: string, context: SpillContext, firstSeq: number, lines?: number) {
    this.path = path;
    this.firstSeq = firstSeq;
    this.#context = context;
    this.#size = lines ?? 0;
    this.#sealed = lines !== undefined;
  }

  get size(): number {
    return this.#size;
  }

  /** Whether its entries are read back, to be taken. */
  get loaded(): boolean {
    return this.#entries !== undefined;
  }

  /** Whether `add` may put one more entry here. */
  accepts(maxEntries: number): boolean {
    return !this.#sealed && this.#size < maxEntries;
  }

  /** Adds an entry (throws when it cannot be serialized) and appends it in the background. */
  add(entry: PredictionLogEntry): void {
    this.#pending.push(serializeEntry(entry));
    this.#size++;
    this.#startAppending();
  }

  /**
   * Seals the file and reads its entries back, those not appended yet included; unreadable
   * lines (a torn write at a crash) are logged and left out of `size`. False when it cannot
   * now: the queue stopped, or the disk failed (logged, and paused for, before a retry).
   */
  async readBack(): Promise<boolean> {
    const { logger, stop } = this.#context;
    this.#sealed = this.#reading = true;
    await this.#appending; // ends after the append under way, or the pause after a failed one
    let lines: string[];
    try {
      lines = await readLines(this.path);
    } catch (error) {
      this.#reading = false;
      const fields = { path: this.path, error: describeError(error) };
      logger.error("Cannot read a prediction log spill file; retrying", fields);
      await pause(stop);
      return false;
    }
    if (stop.aborted) return false; // the pending lines are appended by `drained`
    lines.push(...this.#pending.splice(0));
    this.#entries = lines.flatMap((line) => parseSpillLine(line) ?? []);
    this.#size = this.#entries.length;
    if (this.#size < lines.length) {
      const fields = { path: this.path, lines: lines.length - this.#size };
      logger.error("Prediction log spill file has unreadable lines; dropped", fields);
    }
    return true;
  }

  /** Hands out the next entries read back, `max` at most. */
  take(max: number): PredictionLogEntry[] {
    const entries = this.#entries?.slice(this.#taken, this.#taken + max) ?? [];
    this.#taken += entries.length;
    this.#size -= entries.length;
    return entries;
  }

  /** After the queue stopped: appends what is pending; resolves to how many entries failed. */
  async drained(): Promise<number> {
    this.#startAppending();
    await this.#appending;
    const lost = this.#pending.splice(0).length;
    this.#size -= lost;
    return lost;
  }

  /** Removes the file once every entry in it is taken; a failure is logged. */
  async remove(): Promise<void> {
    try {
      await Deno.remove(this.path);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return;
      const fields = { path: this.path, error: describeError(error) };
      this.#context.logger.error("Cannot remove a replayed prediction log spill file", fields);
    }
  }

  #startAppending(): void {
    this.#appending ??= this.#appendPending().finally(() => this.#appending = undefined);
  }

  async #appendPending(): Promise<void> {
    const { ready, logger, stop } = this.#context;
    await ready.catch(() => {});
    let failing = false;
    while (this.#pending.length > 0 && (!this.#reading || stop.aborted)) {
      const lines = this.#pending.splice(0);
      try {
        await appendLines(this.path, lines);
        failing = false;
      } catch (error) {
        this.#pending.unshift(...lines);
        const fields = { path: this.path, error: describeError(error) };
        const message = "Cannot append to a prediction log spill file";
        if (stop.aborted) return logger.error(`${message} at shutdown`, fields); // see `drained`
        if (!failing) logger.error(`${message}; retrying`, fields);
        failing = true;
        await pause(stop);
      }
    }
  }
}

/** Adds an entry the database refused, with why, to the rejected file in `dir`. */
export function keepRejected(dir: string, entry: PredictionLogEntry, error: unknown) {
  const line = JSON.stringify({ rejectedAt: new Date(), error: describeError(error), entry });
  return appendLines(join(dir, rejectedFileName), [line]);
}

/** One JSON line for an entry; dates become ISO strings that a read back revives. */
export function serializeEntry(entry: PredictionLogEntry): string {
  return JSON.stringify(entry);
}

/** The entry of one line, `createdAt` of the request and outputs revived; undefined if torn. */
function parseSpillLine(line: string): PredictionLogEntry | undefined {
  try {
    const value = JSON.parse(line) as PredictionLogEntry;
    if (typeof value?.request?.id !== "string" || !Array.isArray(value.outputs)) return undefined;
    return { request: reviveCreatedAt(value.request), outputs: value.outputs.map(reviveCreatedAt) };
  } catch {
    return undefined;
  }
}

function reviveCreatedAt<T extends { createdAt?: Date | null }>(row: T): T {
  const createdAt = row.createdAt as unknown;
  if (typeof createdAt !== "string") return row;
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid createdAt "${createdAt}"`);
  return { ...row, createdAt: date };
}

async function appendLines(path: string, lines: readonly string[]): Promise<void> {
  await Deno.writeTextFile(path, lines.join("\n") + "\n", { append: true, create: true });
}

/** The non-empty lines of a file; one that does not exist has none. */
async function readLines(path: string): Promise<string[]> {
  try {
    return (await Deno.readTextFile(path)).split("\n").filter((line) => line.trim() !== "");
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}

/** The wait before a failing disk is tried again; `stop` ends it. */
function pause(stop: AbortSignal): Promise<void> {
  return sleep(1_000, undefined, { signal: stop }).catch(() => {});
}
