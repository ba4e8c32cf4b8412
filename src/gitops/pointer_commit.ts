/**
 * Which commit pinned what a pointer file says: the last commit that changed the file, read
 * with git when the file sits in a checkout as committed. Best effort: a server without git
 * (a container, Deno Deploy) or a pointer outside a repository records none.
 */
import { basename, dirname } from "node:path";
import { git } from "./git.ts";

/** The last commit of a pointer file. */
export interface PointerCommit {
  sha: string;
  author: string;
  committedAt: Date;
  subject: string;
}

/**
 * The last commit that changed the pointer at `path`; undefined when git may not or cannot
 * run, the file is not in a repository, not committed, or changed since its last commit
 * (what was read is then no commit's). Never throws: a reload must not fail for it.
 */
export async function pointerCommit(path: string): Promise<PointerCommit | undefined> {
  try {
    // Without the permission, asking would prompt on a terminal: no git then.
    const permission = await Deno.permissions.query({ name: "run", command: "git" });
    if (permission.state !== "granted") return undefined;
    const [root, file] = [dirname(path), basename(path)];
    const [log, changes] = await Promise.all([
      git(root, ["log", "-1", "--format=%H%x00%an%x00%cI%x00%s", "--", file]),
      git(root, ["status", "--porcelain", "--", file]),
    ]);
    const [sha, author, committedAt, subject] = log.trim().split("\0");
    if (!sha || changes.trim()) return undefined;
    return { sha, author, committedAt: new Date(committedAt), subject: subject ?? "" };
  } catch {
    return undefined;
  }
}
