/**
 * Lists the files of a directory the way `dvc add` collects them.
 *
 * DVC walks with `os.walk`: symlinked files are hashed through their target, symlinked
 * directories are not entered (their files are not tracked). It skips the default ignores
 * `.git`, `.hg/` and `.dvc/` at any depth, skips every directory that holds a `.dvc` entry,
 * the tracked one included (it takes them for DVC sub-repositories), records files only (empty directories
 * vanish from the manifest) and refuses a `.dvcignore` inside a tracked directory. Patterns
 * from `.dvcignore` files above the directory are not applied here.
 *
 * @module
 */
import { join } from "node:path";

/** A file found under a tracked directory. */
export interface WalkedFile {
  /** Path inside the directory, `/`-separated. */
  relpath: string;
  /** Path on disk. */
  path: string;
}

/** Every file DVC would track under `dir`, in no particular order. */
export async function walkTrackedDir(dir: string): Promise<WalkedFile[]> {
  const files: WalkedFile[] = [];
  await walk(dir, "", files);
  return files;
}

async function walk(dir: string, prefix: string, out: WalkedFile[]): Promise<void> {
  const entries = await Array.fromAsync(Deno.readDir(dir));
  if (entries.some((e) => e.name === ".dvc")) return; // a DVC sub-repository
  for (const entry of entries) {
    if (entry.name === ".git") continue;
    const path = join(dir, entry.name);
    let kind: "file" | "dir" | "linked dir" = entry.isDirectory ? "dir" : "file";
    if (entry.isSymlink) {
      const target = await Deno.stat(path).catch(() => undefined);
      if (target?.isDirectory) kind = "linked dir";
    }
    if (kind === "linked dir" || (kind === "dir" && ignoredDirs.has(entry.name))) continue;
    if (kind === "dir") {
      await walk(path, `${prefix}${entry.name}/`, out);
      continue;
    }
    if (entry.name === ".dvcignore") {
      throw new Error(`Cannot hash "${dir}": DVC refuses a .dvcignore inside a tracked directory`);
    }
    out.push({ relpath: prefix + entry.name, path });
  }
}

const ignoredDirs = new Set([".hg", ".dvc"]);
