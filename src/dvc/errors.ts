import { DomainError } from "../domain/errors.ts";

/** One place an object was looked for, and what happened there. */
export interface FetchAttempt {
  /** The source, e.g. `cache /srv/.dvc/cache` or `remote https://dvc.example.com/store`. */
  source: string;
  /** Why the object was not taken from it: `not found`, `HTTP 403`, `timed out after 30000 ms`… */
  reason: string;
}

/** A tracked artifact whose bytes do not hash to the md5 DVC recorded for it. */
export class CorruptArtifactError extends DomainError {
  constructor(
    /** What was being loaded, e.g. `models/churn/v1/weights.bin`. */
    readonly artifact: string,
    readonly expected: string,
    readonly actual: string,
    /** The source that returned the bad bytes. */
    readonly source: string,
    /** Every source tried, in order. */
    readonly attempts: readonly FetchAttempt[] = [],
  ) {
    super(
      `Cannot load "${artifact}": md5 mismatch (expected ${expected}, got ${actual}) from ${source}`,
    );
  }
}

/** A tracked artifact that none of the sources could provide. */
export class MissingArtifactError extends DomainError {
  constructor(
    /** What was being loaded, e.g. `models/churn/v1/weights.bin`. */
    readonly artifact: string,
    /** The object hash looked for (md5, or md5 + `.dir`). */
    readonly hash: string,
    /** Every source tried, in order, with the reason it failed. */
    readonly attempts: readonly FetchAttempt[],
    /** Overrides the default explanation (e.g. when a manifest lists nothing under a prefix). */
    detail?: string,
  ) {
    const looked = attempts.length === 0
      ? "no sources configured"
      : `looked in ${attempts.map((a) => `${a.source} (${a.reason})`).join(", ")}`;
    super(`Cannot load "${artifact}": ${detail ?? `object ${hash} not found; ${looked}`}`);
  }
}
