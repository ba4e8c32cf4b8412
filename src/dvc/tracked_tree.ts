/**
 * Reads files of a DVC-tracked directory without git or the DVC CLI: the `.dir` manifest
 * named by a `.dvc` file (or a pinned hash), then each selected file, every one md5-verified.
 *
 * @module
 */
import { type DirEntry, isSafeRelpath, parseDirManifest } from "./dir_manifest.ts";
import { readDvcFile, singleOut } from "./dvc_file.ts";
import { MissingArtifactError } from "./errors.ts";
import { mapLimit } from "./concurrency.ts";
import { isDirHash } from "./object_key.ts";
import { fetchObject, type FetchObjectOptions, type ObjectSource } from "./object_source.ts";

/** Options of {@link readTrackedFiles}. Give `dvcFile`, `dirMd5`, or both (they must agree). */
export interface ReadTrackedFilesOptions extends FetchObjectOptions {
  /** Path of the `.dvc` file tracking the directory, e.g. `/srv/app/models.dvc`. */
  dvcFile?: string;
  /** The directory's hash (`<md5>.dir`), e.g. pinned by the model pointer. */
  dirMd5?: string;
  /** Sub-directory to read, e.g. `ticket-triage/20261122T042439Z-fa876444/`; default all. */
  prefix?: string;
  /** Where to look, in order (see `defaultSources`). */
  sources: readonly ObjectSource[];
  /** Names the directory in messages; default the `.dvc` file's out path. */
  outPath?: string;
  /** Objects fetched at once. Default 8. */
  concurrency?: number;
}

/**
 * The files under `prefix` of a tracked directory, keyed by path relative to `prefix`.
 * Throws `MissingArtifactError` when the manifest or a file is nowhere to be found (or nothing
 * lies under a given `prefix`; a tracked directory that is empty is an empty map),
 * `CorruptArtifactError` when only bad bytes were found.
 */
export async function readTrackedFiles(
  options: ReadTrackedFilesOptions,
): Promise<Map<string, Uint8Array>> {
  const { hash, outPath } = await resolveTrackedDir(options);
  const entries = await readDirManifest(hash, options.sources, outPath, options);
  const prefix = normalizePrefix(options.prefix ?? "");
  const selected = entries.filter((e) => e.relpath.startsWith(prefix));
  if (selected.length === 0 && prefix !== "") {
    throw new MissingArtifactError(
      join(outPath, prefix),
      hash,
      [],
      `no files under "${prefix}" in manifest ${hash}`,
    );
  }
  const fetched = await mapLimit(selected, options.concurrency ?? 8, (entry) =>
    fetchObject(
      { hash: entry.md5, relpath: entry.relpath, artifact: join(outPath, entry.relpath) },
      options.sources,
      options,
    ));
  return new Map(selected.map((e, i) => [e.relpath.slice(prefix.length), fetched[i].bytes]));
}

/**
 * One file of a tracked directory pinned by its hash (`<md5>.dir`): `relpath` inside it, e.g.
 * `churn/20261122T042440Z-6dfaa8e2/metrics.json`. Throws `MissingArtifactError` when the
 * manifest or the file cannot be had, or the manifest lists no such file.
 */
export async function readTrackedFile(
  options: { dirMd5: string; relpath: string; sources: readonly ObjectSource[]; outPath?: string },
): Promise<Uint8Array> {
  const outPath = options.outPath ?? "models";
  const entries = await readDirManifest(options.dirMd5, options.sources, outPath);
  const entry = entries.find((e) => e.relpath === options.relpath);
  const artifact = join(outPath, options.relpath);
  if (!entry) {
    throw new MissingArtifactError(
      artifact,
      options.dirMd5,
      [],
      `manifest ${options.dirMd5} lists no "${options.relpath}"`,
    );
  }
  const fetched = await fetchObject(
    { hash: entry.md5, relpath: entry.relpath, artifact },
    options.sources,
  );
  return fetched.bytes;
}

/** Fetches and verifies the `.dir` manifest `hash`, returning its entries. */
export async function readDirManifest(
  hash: string,
  sources: readonly ObjectSource[],
  outPath = "",
  options: FetchObjectOptions = {},
): Promise<DirEntry[]> {
  if (!isDirHash(hash)) throw new Error(`"${hash}" is not a directory hash (<md5>.dir)`);
  const artifact = `${outPath || "tracked directory"} (manifest ${hash})`;
  const { bytes, source } = await fetchObject({ hash, artifact }, sources, options);
  return parseDirManifest(bytes, `manifest ${hash} from ${source}`);
}

async function resolveTrackedDir(
  options: ReadTrackedFilesOptions,
): Promise<{ hash: string; outPath: string }> {
  if (!options.dvcFile) {
    if (!options.dirMd5) throw new Error("readTrackedFiles needs a dvcFile or a dirMd5");
    const out = singleOut(options.dirMd5, options.outPath);
    return { hash: out.md5, outPath: out.path };
  }
  const out = singleOut(await readDvcFile(options.dvcFile));
  if (!isDirHash(out.md5)) {
    throw new Error(`${options.dvcFile} tracks a file (${out.path}), not a directory`);
  }
  if (options.dirMd5 && options.dirMd5 !== out.md5) {
    throw new Error(`${options.dvcFile} records ${out.md5}, not the expected ${options.dirMd5}`);
  }
  return { hash: out.md5, outPath: options.outPath ?? out.path };
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "";
  if (!isSafeRelpath(trimmed)) throw new Error(`Invalid prefix "${prefix}"`);
  return `${trimmed}/`;
}

function join(outPath: string, relpath: string): string {
  return outPath ? `${outPath.replace(/\/+$/, "")}/${relpath}` : relpath;
}
