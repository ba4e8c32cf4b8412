/**
 * A throw-away DVC project made with the real CLI (`dvc init --no-scm`, `dvc add`,
 * `dvc push` to a local-directory remote) over a tree full of awkward names.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runDvc } from "../../src/dvc/cli.ts";
import type { MemoryFile } from "../../src/dvc/md5.ts";

/** Deterministic bytes (mulberry32). */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

/** The version directory the loader tests read. */
export const versionPrefix = "ticket-triage/20261122T042439Z-fa876444/";

/** The files `dvc add` tracks (and so the manifest lists). */
export const trackedFiles: MemoryFile[] = [
  { relpath: "a/b", bytes: text("folder a, file b\n") },
  { relpath: "a-b", bytes: new Uint8Array() },
  { relpath: "a.b", bytes: text("dot\n") },
  { relpath: "a/c/d/deep.txt", bytes: text("deep\n") },
  { relpath: "dup/a-b", bytes: new Uint8Array() },
  { relpath: "é.txt", bytes: text("composed é\n") },
  { relpath: "e\u0301.txt", bytes: text("decomposed é\n") },
  { relpath: "日本/ファイル.txt", bytes: text("日本語\n") },
  { relpath: "😀.bin", bytes: Uint8Array.from({ length: 256 }, (_, i) => i) },
  { relpath: "ｆ", bytes: text("fullwidth f sorts before the emoji in code points\n") },
  { relpath: 'q"uote', bytes: text("quote\n") },
  { relpath: "back\\slash", bytes: text("backslash\n") },
  { relpath: "tab\tname", bytes: text("tab\n") },
  { relpath: "del\u007f", bytes: text("DEL\n") },
  { relpath: ".hidden", bytes: text("dotfiles are tracked\n") },
  { relpath: "link.b", bytes: text("dot\n") }, // a symlink to a.b: hashed through its target
  { relpath: `${versionPrefix}weights.bin`, bytes: pseudoRandomBytes(65_536, 42) },
  { relpath: `${versionPrefix}model.json`, bytes: text('{"format":"layers-model"}\n') },
  { relpath: `${versionPrefix}日本/vocab.json`, bytes: text('["é","日本"]\n') },
  { relpath: "ticket-triage/20261122T042439Z-fa876444-old/model.json", bytes: text("{}\n") },
  { relpath: "ticket-triage/20261122T042439Z-fa876444.json", bytes: text("[]\n") },
];

/** Tracked entries written as symlinks (to their target's bytes), by relpath. */
const symlinks: Record<string, string> = { "link.b": "a.b", "link-dir": "a" };

/** On disk but not tracked: DVC's default ignores and a sub-repository. */
const untracked: MemoryFile[] = [
  { relpath: ".hg/store", bytes: text("ignored: .hg/\n") },
  { relpath: "a/.git", bytes: text("ignored: .git\n") },
  { relpath: "sub/.dvc/config", bytes: text("a .dvc entry makes sub/ a sub-repository\n") },
  { relpath: "sub/file", bytes: text("ignored with its sub-repository\n") },
];

/** A DVC project with `models/` added and pushed to `remote/`. */
export interface DvcProject {
  root: string;
  modelsDir: string;
  dvcFile: string;
  cacheDir: string;
  remoteDir: string;
  cleanup(): Promise<void>;
}

/** Writes files under `dir`. */
export async function writeTree(dir: string, files: readonly MemoryFile[]): Promise<void> {
  for (const file of files) {
    const path = join(dir, ...file.relpath.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
  }
}

/** Creates the project with the real `dvc` CLI (no git: `dvc init --no-scm`). */
export async function createDvcProject(): Promise<DvcProject> {
  const root = await mkdtemp(join(tmpdir(), "dvc-native-"));
  const modelsDir = join(root, "models");
  const remoteDir = join(root, "remote");
  await writeTree(modelsDir, [...trackedFiles.filter((f) => !symlinks[f.relpath]), ...untracked]);
  for (const [link, target] of Object.entries(symlinks)) {
    await symlink(target, join(modelsDir, link)); // link-dir, a directory link, is not entered
  }
  await mkdir(join(modelsDir, "empty", "nested"), { recursive: true }); // empty dirs vanish
  await runDvc(root, ["init", "--no-scm", "--quiet"]);
  await runDvc(root, ["add", "--quiet", "models"]);
  await runDvc(root, ["remote", "add", "--default", "storage", remoteDir]);
  await runDvc(root, ["push", "--quiet"]);
  return {
    root,
    modelsDir,
    remoteDir,
    dvcFile: join(root, "models.dvc"),
    cacheDir: join(root, ".dvc", "cache"),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
