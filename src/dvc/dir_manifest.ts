/**
 * DVC 3 `.dir` manifests: the JSON list of `{md5, relpath}` a tracked directory is stored as.
 *
 * dvc-data writes it as `json.dumps(tree.as_list(), sort_keys=True).encode("utf-8")`
 * (`dvc_data/hashfile/tree.py`, `Tree.as_bytes`): entries sorted by relpath, Python's default
 * separators `", "` and `": "`, and non-ASCII escaped. The directory's hash is the md5 of those
 * bytes followed by `.dir`.
 *
 * @module
 */
import { z } from "zod";
import { isMd5 } from "./object_key.ts";
import { compareCodePoints, pythonJsonString } from "./python_json.ts";

/** One file of a tracked directory: its md5 and its `/`-separated path inside the directory. */
export interface DirEntry {
  md5: string;
  relpath: string;
}

/** The entries sorted as DVC sorts them (by relpath, in code point order). */
export function sortDirEntries(entries: Iterable<DirEntry>): DirEntry[] {
  return [...entries].sort((a, b) => compareCodePoints(a.relpath, b.relpath));
}

/** The manifest bytes DVC stores for these entries (their hash is the directory's hash). */
export function serializeDirManifest(entries: Iterable<DirEntry>): Uint8Array {
  const items = sortDirEntries(entries).map((e) =>
    `{"md5": ${pythonJsonString(e.md5)}, "relpath": ${pythonJsonString(e.relpath)}}`
  );
  return new TextEncoder().encode(`[${items.join(", ")}]`);
}

const ManifestEntry = z.object({
  md5: z.string().refine(isMd5, { message: "expected an md5 (32 lowercase hex digits)" }),
  relpath: z.string().min(1).refine(isSafeRelpath, {
    message: "expected a relative path without empty, '.' or '..' segments",
  }),
});

/** True when `relpath` stays inside its directory: no leading `/`, no `.`/`..`/empty segment. */
export function isSafeRelpath(relpath: string): boolean {
  return relpath.split("/").every((s) => s !== "" && s !== "." && s !== "..") &&
    !relpath.includes("\0");
}

/**
 * Parses manifest bytes (as stored in a cache or remote) into entries; `source` names the
 * manifest in error messages. Extra keys DVC may write (`size`, `etag`…) are ignored.
 */
export function parseDirManifest(bytes: Uint8Array, source: string): DirEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Error(`${source} is not a JSON manifest: ${(error as Error).message}`);
  }
  const parsed = z.array(ManifestEntry).safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${source} is not a valid .dir manifest: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
