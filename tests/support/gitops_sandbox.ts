/**
 * The GitOps loop in temporary repositories: a bare `origin`, the project's tracked files
 * committed to it from a working checkout (`dev`, where people run the tools), clones that stand
 * for what Argo CD syncs, and a DVC remote that `.dvc/config` names as the team's.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runDvc } from "../../src/dvc/mod.ts";
import type { DvcRemote } from "./model_remote.ts";
import { denoTask, isolatedEnv, runDeno } from "./server_process.ts";
import { copyTracked, run } from "./workspace.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The team's remote of a sandbox: its URL, what the dvc CLI needs, what the tools need. */
export interface TeamRemoteSetup extends DvcRemote {
  /** Variables the tools and the server read it with (`AWS_*` for S3). */
  env?: Record<string, string>;
}

/** A sandbox; `close()` removes it. */
export interface GitOpsSandbox {
  dir: string;
  origin: string;
  dev: string;
  remote: TeamRemoteSetup;
  git(repo: string, ...args: string[]): Promise<string>;
  /** `git clone` of origin into `<dir>/<name>`, with its own node_modules. */
  clone(name: string): Promise<string>;
  /**
   * Runs `deno task <task> <args>` in `cwd` as deno.json words it (exactly its flags), with the
   * remote's variables and `env`.
   */
  task(
    task: string,
    args: string[],
    cwd?: string,
    env?: Record<string, string>,
  ): Promise<{ code: number; output: string }>;
  close(): Promise<void>;
}

async function install(dir: string): Promise<void> {
  const installed = await runDeno(["install"], dir, isolatedEnv({}));
  if (installed.code !== 0) throw new Error(`deno install failed:\n${installed.output}`);
}

async function identify(repo: string): Promise<void> {
  await run(repo, "git", ["config", "user.email", "gitops-tests@example.com"]);
  await run(repo, "git", ["config", "user.name", "gitops tests"]);
  await run(repo, "git", ["config", "commit.gpgsign", "false"]);
}

/**
 * Origin holds one commit of the project's tracked files whose `.dvc/config` names `remote`
 * as the team's (`team`); `dev` is its working checkout, with the remote's options (keys,
 * endpoint) in the git-ignored `.dvc/config.local`, as a person's machine has them.
 */
export async function gitopsSandbox(remote: TeamRemoteSetup): Promise<GitOpsSandbox> {
  const dir = await Deno.makeTempDir({ prefix: "gitops-" });
  const origin = join(dir, "origin.git");
  const dev = join(dir, "dev");
  const git = (repo: string, ...args: string[]) => run(repo, "git", args);
  await Deno.mkdir(origin);
  await git(origin, "init", "--quiet", "--bare", "--initial-branch=main");
  await Deno.mkdir(dev);
  await copyTracked(repoRoot, dev);
  await Deno.writeTextFile(
    join(dev, ".dvc/config"),
    `[core]\n    remote = team\n['remote "team"']\n    url = ${remote.url}\n`,
  );
  await git(dev, "init", "--quiet", "--initial-branch=main");
  await identify(dev);
  await git(dev, "add", "--all");
  await git(dev, "commit", "--quiet", "-m", "The project");
  await git(dev, "remote", "add", "origin", origin);
  await git(dev, "push", "--quiet", "--set-upstream", "origin", "main");
  for (const [option, value] of Object.entries(remote.options ?? {})) {
    await runDvc(dev, ["remote", "modify", "--local", "team", option, value]);
  }
  await install(dev);
  return {
    dir,
    origin,
    dev,
    remote,
    git,
    clone: async (name) => {
      const path = join(dir, name);
      await run(dir, "git", ["clone", "--quiet", origin, path]);
      await identify(path);
      await install(path);
      return path;
    },
    task: (task, args, cwd = dev, env = {}) => {
      const { env: assigned, args: words } = denoTask(join(cwd, "deno.json"), task);
      return runDeno([...words, ...args], cwd, isolatedEnv({ ...assigned, ...remote.env, ...env }));
    },
    close: () => Deno.remove(dir, { recursive: true }),
  };
}
