/**
 * Spill files of the prediction log writer: JSON lines, one `PredictionLogEntry` per line,
 * named `prediction-log-<start ms>-<instance>-<sequence>.jsonl` so that sorting names sorts
 * them oldest first, across processes too. A process only ever appends to its own files;
 * the files left behind by a previous process are replayed by the next one.
 */
import { join } from "node:path";
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";

const spillName = /^prediction-log-\d{13}-[0-9a-f]{8}-\d{6}\.jsonl$/;

/** Name of the file where entries refused by the database are kept for a human to look at. */
export const rejectedFileName = "prediction-log-rejected.jsonl";

/** Names the spill files of one writer instance. */
export interface SpillNamer {
  /** Unique to this writer instance: `<start ms>-<random>`. */
  readonly instance: string;
  next(): string;
}

/** A namer for a new writer instance; its files sort after every earlier instance's. */
export function createSpillNamer(dir: string, now = Date.now()): SpillNamer {
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(16).padStart(8, "0");
  const instance = `${String(now).padStart(13, "0")}-${random}`;
  let sequence = 0;
  return {
    instance,
    next: () =>
      join(dir, `prediction-log-${instance}-${String(sequence++).padStart(6, "0")}.jsonl`),
  };
}

/** A spill file left in `dir` by another writer instance, with how many lines it holds. */
export interface LeftoverSpillFile {
  path: string;
  lines: number;
}

/**
 * The spill files in `dir` not written by `ownInstance`, oldest first, with their line
 * counts. Creates `dir` when it does not exist.
 */
export async function findLeftoverSpillFiles(
  dir: string,
  ownInstance: string,
): Promise<LeftoverSpillFile[]> {
  await Deno.mkdir(dir, { recursive: true });
  const names: string[] = [];
  for await (const item of Deno.readDir(dir)) {
    if (item.isFile && spillName.test(item.name) && !item.name.includes(ownInstance)) {
      names.push(item.name);
    }
  }
  names.sort();
  const files: LeftoverSpillFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    files.push({ path, lines: splitLines(await Deno.readTextFile(path)).length });
  }
  return files;
}

/** One JSON line for an entry; dates become ISO strings that `parseSpillLine` revives. */
export function serializeEntry(entry: PredictionLogEntry): string {
  return JSON.stringify(entry);
}

/**
 * The entry stored in one spill line, with `createdAt` of the request and of every output
 * turned back into a `Date`. Throws on a line that is not a stored entry (a torn write).
 */
export function parseSpillLine(line: string): PredictionLogEntry {
  const value = JSON.parse(line) as PredictionLogEntry;
  if (
    typeof value !== "object" || value === null || typeof value.request?.id !== "string" ||
    !Array.isArray(value.outputs)
  ) {
    throw new Error("not a prediction log entry");
  }
  return {
    request: reviveCreatedAt(value.request),
    outputs: value.outputs.map(reviveCreatedAt),
  };
}

function reviveCreatedAt<T extends { createdAt?: Date | null }>(row: T): T {
  const createdAt = row.createdAt as unknown;
  if (typeof createdAt !== "string") return row;
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid createdAt "${createdAt}"`);
  return { ...row, createdAt: date };
}

/** Appends lines to a spill file, creating it when needed. */
export async function appendSpillLines(path: string, lines: readonly string[]): Promise<void> {
  await Deno.writeTextFile(path, lines.join("\n") + "\n", { append: true, create: true });
}

/** The non-empty lines of a spill file; a file that does not exist has none. */
export async function readSpillLines(path: string): Promise<string[]> {
  try {
    return splitLines(await Deno.readTextFile(path));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}

/** Removes a spill file; one already gone is fine. */
export async function removeSpillFile(path: string): Promise<void> {
  try {
    await Deno.remove(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
}

function splitLines(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() !== "");
}
