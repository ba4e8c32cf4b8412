/**
 * The in-memory part of the prediction log queue: entries join the last memory segment,
 * batches are sliced from the front, and a segment reused once all of it is taken.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import {
  type Batch,
  hasUntaken,
  type MemorySegment,
  type QueueCounts,
  type Segment,
} from "./prediction_log_segments.ts";

/** Adds an entry at the back, reusing the last memory segment once all of it is taken. */
export function keepInMemory(
  segments: Segment[],
  counts: QueueCounts,
  entry: PredictionLogEntry,
  seq: number,
): void {
  let last = segments.at(-1);
  if (last?.kind !== "memory") {
    last = { kind: "memory", entries: [], next: 0, firstSeq: seq };
    segments.push(last);
  } else if (!hasUntaken(last)) {
    last.entries = [];
    last.next = 0;
    last.firstSeq = seq;
  }
  last.entries.push(entry);
  counts.inSegments++;
}

/** Drops the oldest entry in memory not taken into a batch; false when there is none. */
export function dropOldestInMemory(segments: Segment[], counts: QueueCounts): boolean {
  const segment = segments.find((s): s is MemorySegment => s.kind === "memory" && hasUntaken(s));
  if (!segment) return false;
  segment.next++;
  segment.firstSeq++;
  counts.inSegments--;
  compact(segment);
  return true;
}

export function takeFromMemory(
  segment: MemorySegment,
  counts: QueueCounts,
  maxBatch: number,
): Batch {
  const count = Math.min(maxBatch, segment.entries.length - segment.next);
  const batch = {
    entries: segment.entries.slice(segment.next, segment.next + count),
    firstSeq: segment.firstSeq,
    leftover: false,
  };
  segment.next += count;
  segment.firstSeq += count;
  counts.inSegments -= count;
  counts.inBatches += count;
  compact(segment);
  return batch;
}

/** Frees the taken front of a large segment once it is most of the segment. */
function compact(segment: MemorySegment): void {
  if (segment.next > 4096 && segment.next * 2 > segment.entries.length) {
    segment.entries = segment.entries.slice(segment.next);
    segment.next = 0;
  }
}
