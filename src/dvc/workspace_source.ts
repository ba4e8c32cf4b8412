/**
 * The workspace as an object source: the checked-out files of a tracked directory.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { serializeDirManifest } from "./dir_manifest.ts";
import { dirEntriesOfPath, md5Hex } from "./md5.ts";
import { digestOf, isDirHash } from "./object_key.ts";
import type { ObjectRequest, ObjectSource, SourceResult } from "./object_source.ts";
import { readIfExists } from "./read_if_exists.ts";

/** Options of {@link workspaceSource}. */
export interface WorkspaceSourceOptions {
  /**
   * Rebuild a `.dir` manifest by hashing the directory on disk when asked for one (useful
   * when an image ships `models/` without a DVC cache). Default true.
   */
  rebuildManifest?: boolean;
}

/**
 * Reads files from `dir`, the checked-out tracked directory (e.g. `/srv/app/models`):
 * a file request reads `<dir>/<relpath>`. The bytes are verified by the caller, so a file
 * edited since `dvc add` is refused there. A manifest request is answered by hashing `dir`,
 * and only when it still hashes to the requested `.dir`.
 */
export function workspaceSource(dir: string, options: WorkspaceSourceOptions = {}): ObjectSource {
  const description = `workspace ${dir}`;
  return {
    description,
    async get(request: ObjectRequest): Promise<SourceResult> {
      if (request.relpath !== undefined) return await readWorkspaceFile(dir, request.relpath);
      if (!isDirHash(request.hash) || options.rebuildManifest === false) {
        return { found: false, reason: "only serves files by path" };
      }
      if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) {
        return { found: false, reason: "no such directory" };
      }
      const bytes = serializeDirManifest(await dirEntriesOfPath(dir));
      const actual = md5Hex(bytes);
      if (actual !== digestOf(request.hash)) {
        return { found: false, reason: `directory differs from the tracked one (${actual}.dir)` };
      }
      return { found: true, bytes };
    },
  };
}

async function readWorkspaceFile(dir: string, relpath: string): Promise<SourceResult> {
  const path = join(dir, relpath);
  const bytes = await readIfExists(path);
  return bytes ? { found: true, bytes } : { found: false, reason: `no file ${path}` };
}
