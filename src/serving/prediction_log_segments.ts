/**
 * What the prediction log queue is made of: segments of entries waiting in memory or in a
 * spill file, the batches taken from the front of a segment, and the counters of both.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import type { Logger } from "../shared/logger.ts";
import type { StopSignal } from "./interruptible_waits.ts";

/** Entries written together; `firstSeq` bounds their enqueue numbers from below. */
export interface Batch {
  readonly entries: PredictionLogEntry[];
  /** Sequence number of the first entry (a lower bound for spilled ones); -1 for leftovers. */
  readonly firstSeq: number;
  readonly leftover: boolean;
}

/** Where the queue's entries wait, and what it lost or spilled so far. */
export class QueueCounts {
  /** In memory segments, not yet taken into a batch. */
  inSegments = 0;
  /** In batches taken and not settled yet. */
  inBatches = 0;
  /** In spill segments, not yet taken into a batch. */
  spilled = 0;
  spilledTotal = 0;
  dropped = 0;

  /** Entries in memory, batches included: what `maxBuffered` bounds. */
  inMemory(): number {
    return this.inSegments + this.inBatches;
  }
}

/** The state the parts of a queue share. */
export interface SharedQueueState {
  readonly segments: Segment[];
  readonly counts: QueueCounts;
  readonly stop: StopSignal;
  readonly logger: Logger;
}

export interface MemorySegment {
  kind: "memory";
  entries: PredictionLogEntry[];
  /** Index of the first entry not yet taken; `firstSeq` is its sequence number. */
  next: number;
  firstSeq: number;
}

export interface DiskSegment {
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

export type Segment = MemorySegment | DiskSegment;

/** A spill segment not read back yet; one left by another process takes no more entries. */
export function diskSegment(
  path: string,
  firstSeq: number,
  size: number,
  leftover: boolean,
): DiskSegment {
  return {
    kind: "disk",
    path,
    leftover,
    firstSeq,
    size,
    pending: [],
    sealed: leftover,
    reading: false,
    taken: 0,
  };
}

export function hasUntaken(segment: MemorySegment): boolean {
  return segment.next < segment.entries.length;
}

/** The lowest sequence number a batch or spill segment may hold; leftovers come first. */
export function lowestSeqOf(part: Batch | DiskSegment): number {
  return part.leftover ? -Infinity : part.firstSeq;
}

/** The lowest sequence number among the entries the segments still hold. */
export function lowestSeqIn(segments: Segment[]): number {
  let lowest = Infinity;
  for (const segment of segments) {
    if (segment.kind === "disk") lowest = Math.min(lowest, lowestSeqOf(segment));
    else if (hasUntaken(segment)) lowest = Math.min(lowest, segment.firstSeq);
  }
  return lowest;
}

/**
 * Adds the entries the segments still hold to `entries`, oldest first, and returns the
 * spill segments read back among them (their files hold those entries too). A spill
 * segment not read back is left to its file and no longer counts as being read.
 */
export function collectUntaken(segments: Segment[], entries: PredictionLogEntry[]): DiskSegment[] {
  const readBack: DiskSegment[] = [];
  for (const segment of segments) {
    if (segment.kind === "memory") entries.push(...segment.entries.slice(segment.next));
    else if (segment.loaded) {
      entries.push(...segment.loaded.slice(segment.taken));
      readBack.push(segment);
    } else segment.reading = false;
  }
  return readBack;
}
