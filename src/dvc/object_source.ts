/**
 * Where DVC objects come from, and the verified fetch that tries sources in order.
 *
 * @module
 */
import { CorruptArtifactError, type FetchAttempt, MissingArtifactError } from "./errors.ts";
import { md5Hex } from "./md5.ts";
import { digestOf } from "./object_key.ts";

/** One object to fetch. */
export interface ObjectRequest {
  /** The object hash: an md5, or md5 + `.dir` for a directory manifest. */
  hash: string;
  /** For a file of a tracked directory: its path inside that directory (used by workspaces). */
  relpath?: string;
  /** What is being loaded, for messages: `models/churn/v1/weights.bin`. */
  artifact: string;
}

/** What a source answered: the bytes (not yet verified), or why it has none. */
export type SourceResult = { found: true; bytes: Uint8Array } | { found: false; reason: string };

/** A place objects can be read from: a workspace, a DVC cache, a remote. */
export interface ObjectSource {
  /** Names the source in messages, e.g. `cache /srv/app/.dvc/cache`. */
  readonly description: string;
  /** Looks the object up. May throw; the error is recorded as the reason it was skipped. */
  get(request: ObjectRequest, signal?: AbortSignal): Promise<SourceResult>;
  /** Told of bytes this source returned once their md5 is verified (to cache them, say). */
  verified?(request: ObjectRequest, bytes: Uint8Array): Promise<void>;
}

/** Options of {@link fetchObject}. */
export interface FetchObjectOptions {
  signal?: AbortSignal;
  /** Told when a source returned bytes that do not match (the next source is then tried). */
  onMismatch?: (error: CorruptArtifactError) => void;
}

/** A verified object and the source it came from. */
export interface FetchedObject {
  bytes: Uint8Array;
  source: string;
}

/**
 * Fetches an object from the first source that has it with the right md5.
 * A source with mismatching bytes is skipped; if no source succeeds, throws
 * {@link CorruptArtifactError} (for the first mismatch) when some source returned bad bytes,
 * else {@link MissingArtifactError} listing every source and why it failed.
 */
export async function fetchObject(
  request: ObjectRequest,
  sources: readonly ObjectSource[],
  options: FetchObjectOptions = {},
): Promise<FetchedObject> {
  const expected = digestOf(request.hash);
  const attempts: FetchAttempt[] = [];
  let corrupt: { actual: string; source: string } | undefined;
  for (const source of sources) {
    options.signal?.throwIfAborted();
    let result: SourceResult;
    try {
      result = await source.get(request, options.signal);
    } catch (error) {
      options.signal?.throwIfAborted();
      attempts.push({ source: source.description, reason: errorReason(error) });
      continue;
    }
    if (!result.found) {
      attempts.push({ source: source.description, reason: result.reason });
      continue;
    }
    const actual = md5Hex(result.bytes);
    if (actual === expected) {
      await source.verified?.(request, result.bytes);
      return { bytes: result.bytes, source: source.description };
    }
    attempts.push({ source: source.description, reason: `md5 mismatch (got ${actual})` });
    corrupt ??= { actual, source: source.description };
    options.onMismatch?.(
      new CorruptArtifactError(request.artifact, expected, actual, source.description),
    );
  }
  if (corrupt) {
    throw new CorruptArtifactError(
      request.artifact,
      expected,
      corrupt.actual,
      corrupt.source,
      attempts,
    );
  }
  throw new MissingArtifactError(request.artifact, request.hash, attempts);
}

function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
