/**
 * Turns configuration (a remote URL, a cache and a workspace directory) into the ordered
 * object sources the loader reads from.
 *
 * @module
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { httpSource, type HttpSourceOptions } from "./http_source.ts";
import { keepingInCache } from "./keeping_source.ts";
import { cacheSource, localRemoteSource } from "./local_source.ts";
import type { ObjectSource } from "./object_source.ts";
import { type S3Options, s3Source } from "./s3_source.ts";
import { workspaceSource, type WorkspaceSourceOptions } from "./workspace_source.ts";

/** Options of {@link remoteSource}. */
export interface RemoteSourceOptions {
  /** Relative directory remotes are resolved against it. Default the current directory. */
  root?: string;
  /** Used for `s3://` remotes (see `s3OptionsFromEnv`). */
  s3?: S3Options;
  /** Used for `http(s)://` remotes. */
  http?: HttpSourceOptions;
}

/**
 * The source for a DVC remote URL: `s3://bucket/prefix`, `http(s)://…`, `file:///dir`, or a
 * directory path (relative ones resolved against `root`).
 */
export function remoteSource(url: string, options: RemoteSourceOptions = {}): ObjectSource {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "s3") return s3Source(url, options.s3);
  if (scheme === "http" || scheme === "https") return httpSource(url, options.http);
  if (scheme === "file") return localRemoteSource(fileURLToPath(url));
  if (scheme) {
    throw new Error(`Unsupported DVC remote "${url}": use a directory, http(s):// or s3://`);
  }
  return localRemoteSource(isAbsolute(url) ? url : resolve(options.root ?? ".", url));
}

/** Options of {@link defaultSources}; every part is optional and skipped when unset. */
export interface DefaultSourcesOptions extends RemoteSourceOptions {
  /** The checked-out tracked directory, e.g. `models`. */
  workspaceDir?: string;
  /** The local DVC cache, e.g. `.dvc/cache`. */
  cacheDir?: string;
  /** The DVC remote URL, e.g. `.dvc-storage` or `s3://bucket/dvc`. */
  remoteUrl?: string;
  workspace?: WorkspaceSourceOptions;
  /**
   * Keep what the remote returns in `cacheDir` (needs a writable file system); a failure to
   * store goes here, and the fetch still succeeds. Unset: the remote is only read.
   */
  keepRemoteObjects?: { onStoreError(error: unknown): void };
}

/**
 * Cache, then workspace, then remote: the order the loader tries them in. The cache comes
 * first because the workspace answers a `.dir` request by hashing the whole tracked
 * directory (every version), which only an image shipped without a cache should pay.
 */
export function defaultSources(options: DefaultSourcesOptions): ObjectSource[] {
  const at = (path: string) => isAbsolute(path) ? path : resolve(options.root ?? ".", path);
  const sources: ObjectSource[] = [];
  if (options.cacheDir) sources.push(cacheSource(at(options.cacheDir)));
  if (options.workspaceDir) {
    sources.push(workspaceSource(at(options.workspaceDir), options.workspace));
  }
  if (options.remoteUrl) {
    const remote = remoteSource(options.remoteUrl, options);
    const { cacheDir, keepRemoteObjects: keep } = options;
    sources.push(
      keep && cacheDir ? keepingInCache(remote, at(cacheDir), keep.onStoreError) : remote,
    );
  }
  return sources;
}
