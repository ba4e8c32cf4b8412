/**
 * md5 hashes as DVC 3 computes them: plain md5 of a file's bytes (`hash: md5`), and for a
 * directory the md5 of its `.dir` manifest followed by `.dir`.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { type DirEntry, serializeDirManifest } from "./dir_manifest.ts";
import { walkTrackedDir } from "./dir_walk.ts";
import { mapLimit } from "./concurrency.ts";

/** The md5 of `bytes`, lowercase hex. */
export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/** The md5 of a file on disk, read as a stream. */
export async function md5OfFile(path: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Uint8Array);
  return hash.digest("hex");
}

/** The hash DVC gives a directory with these entries: md5 of its manifest + `.dir`. */
export function dirHash(entries: Iterable<DirEntry>): string {
  return `${md5Hex(serializeDirManifest(entries))}.dir`;
}

/** A file held in memory: its `/`-separated path inside the directory and its bytes. */
export interface MemoryFile {
  relpath: string;
  bytes: Uint8Array;
}

/** The DVC hash of a directory given as in-memory files. */
export function dirHashOfFiles(files: Iterable<MemoryFile>): string {
  return dirHash([...files].map((f) => ({ relpath: f.relpath, md5: md5Hex(f.bytes) })));
}

/** The manifest entries of a directory on disk (unsorted), hashing every file. */
export async function dirEntriesOfPath(dir: string): Promise<DirEntry[]> {
  const files = await walkTrackedDir(dir);
  return await mapLimit(
    files,
    16,
    async (f) => ({ relpath: f.relpath, md5: await md5OfFile(f.path) }),
  );
}

/** The DVC hash of a directory on disk, as `dvc add` would record it in the `.dvc` file. */
export async function dirHashOfPath(dir: string): Promise<string> {
  return dirHash(await dirEntriesOfPath(dir));
}
