/**
 * The reading side of the prediction log spill files: the files a previous process left go
 * to the front of the queue, a spill segment is read back into memory when its turn comes,
 * and its file is removed once every entry in it is taken.
 */
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import type { Logger } from "../shared/logger.ts";
import {
  type Batch,
  type DiskSegment,
  diskSegment,
  type SharedQueueState,
} from "./prediction_log_segments.ts";
import {
  findLeftoverSpillFiles,
  parseSpillLine,
  readSpillLines,
  removeSpillFile,
} from "./spill_file.ts";
import { describeError } from "../shared/describe_error.ts";

export class SpillReplay {
  readonly #queue: SharedQueueState;

  constructor(queue: SharedQueueState) {
    this.#queue = queue;
  }

  /** Puts the spill files of other writer instances in `spillDir` in front, oldest first. */
  async recover(spillDir: string, ownInstance: string): Promise<void> {
    const { segments, counts, logger } = this.#queue;
    try {
      const files = await findLeftoverSpillFiles(spillDir, ownInstance);
      segments.unshift(...files.map((file) => diskSegment(file.path, -1, file.lines, true)));
      const entries = files.reduce((sum, file) => sum + file.lines, 0);
      counts.spilled += entries;
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
    }
  }

  /** Reads a spill segment back into memory: its file plus the lines not appended yet. */
  async load(segment: DiskSegment): Promise<void> {
    const { counts, stop, logger } = this.#queue;
    segment.sealed = true;
    segment.reading = true;
    await segment.appending;
    let lines: string[];
    try {
      lines = await readSpillLines(segment.path);
    } catch (error) {
      segment.reading = false;
      logger.error("Cannot read a prediction log spill file; retrying", {
        path: segment.path,
        error: describeError(error),
      });
      await stop.pause(1_000);
      return;
    }
    if (stop.stopped) {
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
      logger.error("Prediction log spill file has unreadable lines; dropped", {
        path: segment.path,
        lines: lines.length - entries.length,
      });
    }
    counts.dropped += Math.max(0, segment.size - entries.length);
    counts.spilled += entries.length - segment.size;
    segment.size = entries.length;
    segment.loaded = entries;
  }

  /** Takes the next entries of a segment read back by `load`. */
  take(segment: DiskSegment, maxBatch: number): Batch {
    const loaded = segment.loaded!;
    const count = Math.min(maxBatch, loaded.length - segment.taken);
    const batch = {
      entries: loaded.slice(segment.taken, segment.taken + count),
      firstSeq: segment.leftover ? -1 : segment.firstSeq,
      leftover: segment.leftover,
    };
    segment.taken += count;
    this.#queue.counts.spilled -= count;
    this.#queue.counts.inBatches += count;
    return batch;
  }
}

/** Removes the file of a spill segment whose entries are all taken; a failure is logged. */
export async function removeReplayedFile(path: string, logger: Logger): Promise<void> {
  try {
    await removeSpillFile(path);
  } catch (error) {
    logger.error("Cannot remove a replayed prediction log spill file", {
      path,
      error: describeError(error),
    });
  }
}
