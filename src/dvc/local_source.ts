/**
 * A directory in DVC's content-addressed layout as an object source: the local cache
 * (`.dvc/cache`) or a local-directory remote, both `files/md5/xx/rest[.dir]`.
 *
 * @module
 */
import { join } from "node:path";
import { objectKey } from "./object_key.ts";
import type { ObjectRequest, ObjectSource, SourceResult } from "./object_source.ts";
import { readIfExists } from "./read_if_exists.ts";

/** Reads objects from `root/files/md5/…`; `kind` names it in messages (`cache`, `remote`). */
export function localObjectSource(root: string, kind: string): ObjectSource {
  return {
    description: `${kind} ${root}`,
    async get(request: ObjectRequest): Promise<SourceResult> {
      const path = join(root, objectKey(request.hash));
      const bytes = await readIfExists(path);
      return bytes ? { found: true, bytes } : { found: false, reason: `no object ${path}` };
    },
  };
}

/** The local DVC cache directory (e.g. `.dvc/cache`) as a source. */
export function cacheSource(dir: string): ObjectSource {
  return localObjectSource(dir, "cache");
}

/** A local-directory DVC remote (e.g. `.dvc-storage`) as a source. */
export function localRemoteSource(dir: string): ObjectSource {
  return localObjectSource(dir, "remote");
}
