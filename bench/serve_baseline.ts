/**
 * The baseline of `deno task bench:serve --baseline <revision>`: ours run from another
 * revision's source, a detached `git worktree` of it in the run's temporary directory with its
 * own `node_modules`, removed at the end.
 */
import { join } from "node:path";
import { root } from "./bench_support.ts";
import { oursSpec, type ServerSpec } from "./serve_servers.ts";
import type { Workspace } from "./serve_workspace.ts";

/** A commit of the repository: its full hash, its abbreviation and its subject. */
export interface Revision {
  commit: string;
  short: string;
  subject: string;
}

/** A revision checked out for the run. */
export interface Baseline extends Revision {
  /** The worktree: the revision's `src/`, `deno.json`, lock and its own `node_modules`. */
  dir: string;
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trim();

async function run(command: string, args: string[], cwd: string): Promise<string> {
  const output = await new Deno.Command(command, {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(600_000),
  }).output();
  if (!output.success) {
    throw new Error(`\`${command} ${args.join(" ")}\` failed: ${decode(output.stderr)}`);
  }
  return decode(output.stdout);
}

const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

/** Unregisters and deletes the worktree at `dir` (`git worktree remove --force`), if any. */
export async function removeBaseline(dir: string): Promise<void> {
  if (!await exists(dir)) return;
  await run("git", ["worktree", "remove", "--force", dir], root).catch((error) =>
    console.error(`Cannot remove the baseline's worktree ${dir}: ${error.message}`)
  );
}

/** The commit `revision` names in the repository; throws when it names none. */
export async function resolveRevision(revision: string): Promise<Revision> {
  const commit = await run("git", ["rev-parse", "--verify", `${revision}^{commit}`], root)
    .catch(() => {
      throw new Error(`Cannot use --baseline "${revision}": not a commit of ${root}`);
    });
  const short = await run("git", ["rev-parse", "--short", commit], root);
  const subject = await run("git", ["log", "-1", "--format=%s", commit], root);
  return { commit, short, subject };
}

/**
 * Checks `revision` out into `<dir>/baseline` (`git worktree add --detach`) and installs its
 * `node_modules` from its own lock (`deno install`: the repository's are left alone, and the
 * two servers started in turn do not re-sync one directory for two locks). It shares the
 * repository's `.venv` (the `dvc` CLI its pipeline runs) rather than installing another.
 */
export async function checkoutBaseline(revision: Revision, dir: string): Promise<Baseline> {
  const { commit, short } = revision;
  const worktree = join(dir, "baseline");
  await removeBaseline(worktree); // left by an interrupted run in a kept directory
  await run("git", ["worktree", "add", "--detach", worktree, commit], root);
  try {
    await Deno.symlink(join(root, ".venv"), join(worktree, ".venv"));
    await run(Deno.execPath(), ["install"], worktree);
  } catch (error) {
    await removeBaseline(worktree);
    throw new Error(`Cannot install the node_modules of ${short}: ${(error as Error).message}`);
  }
  return { ...revision, dir: worktree };
}

/**
 * Ours at the baseline: its `src/main.ts` as its own start task runs it (that task's
 * environment and V8 flags, `-A` as ours), in `ws`, a workspace its own pipeline built: a
 * revision serves the models it trains (another revision's may be a format it cannot load).
 */
export function oursAtBaseline(ws: Workspace, baseline: Baseline): ServerSpec {
  const ours = oursSpec(ws, baseline.dir);
  const subject = baseline.subject.replaceAll("|", "\\|"); // the label goes in Markdown tables
  return {
    ...ours,
    name: `ours-${baseline.short}`,
    label: `ours at ${baseline.short} (${subject}): same as ours, PGlite, run from that ` +
      "revision's source and start task",
    short: `ours at ${baseline.short}`,
  };
}
