/**
 * Entries the database refuses (bad data, unknown ticket): counted, logged, and with a spill
 * directory kept in `prediction-log-rejected.jsonl` there for a human to look at.
 */
import { join } from "node:path";
import type { PredictionLogEntry } from "../db/repositories/predictions.ts";
import type { Logger } from "../shared/logger.ts";
import { appendSpillLines, rejectedFileName } from "./spill_file.ts";
import { describeError } from "../shared/describe_error.ts";

export class RefusedEntries {
  readonly #logger: Logger;
  readonly #spillDir?: string;
  /** The spill directory exists once this resolves. */
  readonly #recovery: Promise<void>;
  #count = 0;
  #kept: Promise<void> = Promise.resolve();

  constructor(logger: Logger, spillDir: string | undefined, recovery: Promise<void>) {
    this.#logger = logger;
    this.#spillDir = spillDir;
    this.#recovery = recovery;
  }

  get count(): number {
    return this.#count;
  }

  /** Resolves once every entry set aside so far is in the file, or its failure logged. */
  get kept(): Promise<void> {
    return this.#kept;
  }

  setAside(entry: PredictionLogEntry, error: unknown): void {
    this.#count++;
    this.#logger.error("The database refused a prediction log entry; it is set aside", {
      predictionId: entry.request.id,
      error: describeError(error),
    });
    if (this.#spillDir === undefined) return;
    const line = JSON.stringify({ rejectedAt: new Date(), error: describeError(error), entry });
    const path = join(this.#spillDir, rejectedFileName);
    this.#kept = this.#kept.then(() => this.#recovery)
      .then(() => appendSpillLines(path, [line]))
      .catch((writeError) =>
        this.#logger.error("Cannot keep a refused prediction log entry", {
          predictionId: entry.request.id,
          error: describeError(writeError),
        })
      );
  }
}
