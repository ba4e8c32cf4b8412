/**
 * The git commands the GitOps tools run: a clean tree, the last commit touching a pointer, a
 * commit, a revert that stops rather than leave a conflict, a push.
 */
import { Refusal } from "./environments.ts";

/** A git command that failed; the message carries its stderr. */
export class GitError extends Error {
  constructor(args: readonly string[], readonly code: number, readonly stderr: string) {
    super(`\`git ${args.join(" ")}\` failed (exit ${code}): ${stderr.trim()}`);
    this.name = "GitError";
  }
}

/** Runs git in `root`; stdout, or a {@link GitError}. */
export async function git(root: string, args: readonly string[]): Promise<string> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("git", {
      args: [...args],
      cwd: root,
      stdout: "piped",
      stderr: "piped",
      env: { GIT_TERMINAL_PROMPT: "0" },
    }).output();
  } catch (error) {
    throw new Error(`Cannot run git: ${error instanceof Error ? error.message : error}`);
  }
  const decoder = new TextDecoder();
  if (!output.success) throw new GitError(args, output.code, decoder.decode(output.stderr));
  return decoder.decode(output.stdout);
}

/** Paths with uncommitted changes (untracked ones included, ignored ones not). */
export async function uncommittedPaths(root: string): Promise<string[]> {
  const status = await git(root, ["status", "--porcelain", "--untracked-files=all"]);
  return status.split("\n").filter(Boolean).map((line) => line.slice(3));
}

/** Refuses a working tree with uncommitted changes: a tool's commit must hold its change only. */
export async function assertCleanTree(root: string): Promise<void> {
  const dirty = await uncommittedPaths(root);
  if (dirty.length === 0) return;
  const shown = dirty.slice(0, 5).join(", ") + (dirty.length > 5 ? `, … (${dirty.length})` : "");
  throw new Refusal(`the working tree has uncommitted changes (${shown}); commit or stash them`);
}

/** A commit: its hash and subject. */
export interface CommitRef {
  sha: string;
  subject: string;
}

/** The last commit that changed `path` (undefined when none did). */
export async function lastCommitTouching(
  root: string,
  path: string,
): Promise<CommitRef | undefined> {
  const line = (await git(root, ["log", "-1", "--format=%H%x09%s", "--", path])).trim();
  if (!line) return undefined;
  const [sha, ...subject] = line.split("\t");
  return { sha, subject: subject.join("\t") };
}

/** The text of `path` at `revision`, or undefined when it has none there. */
export async function showFile(
  root: string,
  revision: string,
  path: string,
): Promise<string | undefined> {
  try {
    return await git(root, ["show", `${revision}:${path}`]);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/** Commits exactly `paths` with `message`; returns the new commit. */
export async function commitPaths(
  root: string,
  paths: readonly string[],
  message: string,
): Promise<CommitRef> {
  await git(root, ["add", "--", ...paths]);
  await git(root, ["commit", "--quiet", "-m", message, "--", ...paths]);
  const sha = (await git(root, ["rev-parse", "HEAD"])).trim();
  return { sha, subject: message.split("\n")[0] };
}

/**
 * `git revert --no-edit <sha>`; when it would conflict, the revert is aborted (the tree left
 * as it was) and refused, naming the files.
 */
export async function revertCommit(root: string, commit: CommitRef): Promise<CommitRef> {
  try {
    await git(root, ["revert", "--no-edit", commit.sha]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const conflicted = (await git(root, ["diff", "--name-only", "--diff-filter=U"]).catch(() => ""))
      .split("\n").filter(Boolean);
    await git(root, ["revert", "--abort"]).catch(() => {});
    if (conflicted.length === 0) throw error;
    throw new Refusal(
      `reverting ${commit.sha.slice(0, 12)} ("${commit.subject}") would conflict in ${
        conflicted.join(", ")
      }; pin a version instead with --to <version>`,
    );
  }
  const line = (await git(root, ["log", "-1", "--format=%H%x09%s"])).trim().split("\t");
  return { sha: line[0], subject: line.slice(1).join("\t") };
}

/** Pushes the current branch to `origin`; a rejected push (origin moved on) is refused. */
export async function pushBranch(root: string): Promise<string> {
  const branch = (await git(root, ["rev-parse", "--abbrev-ref", "HEAD"])).trim();
  if (branch === "HEAD") throw new Refusal("not on a branch (a detached HEAD): nothing to push");
  try {
    await git(root, ["push", "--quiet", "origin", `HEAD:refs/heads/${branch}`]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (/rejected|non-fast-forward|fetch first/.test(error.stderr)) {
      throw new Refusal(`origin's ${branch} moved on meanwhile; pull, then run this again`);
    }
    throw error;
  }
  return branch;
}
