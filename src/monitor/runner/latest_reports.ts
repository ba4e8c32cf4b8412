/**
 * The latest report of each model, for `/metrics`: read from the database at most every
 * 60 s (so a `deno task monitor` run shows up too) and refreshed right after a server's own
 * run. A scrape never fails on the database: an error keeps the last values.
 */
import { type Database, type DriftReportSummary, latestDriftReports } from "../../db/mod.ts";

/** A cache of the newest report per model; see the module's doc. */
export class LatestReports {
  #reports: DriftReportSummary[] = [];
  #readAt = -Infinity;
  #reading: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Reads the database now (one read at a time); an error leaves the last values. */
  refresh(): Promise<void> {
    this.#reading ??= latestDriftReports(this.db)
      .then((reports) => {
        this.#reports = reports;
      })
      .catch(() => {/* the last values stay: a scrape must not fail on the database */})
      .finally(() => {
        this.#readAt = this.now();
        this.#reading = undefined;
      });
    return this.#reading;
  }

  /** The newest report per model, refreshed first when older than the maximum age. */
  async current(): Promise<DriftReportSummary[]> {
    if (this.now() - this.#readAt >= this.maxAgeMs) await this.refresh();
    return this.#reports;
  }
}
