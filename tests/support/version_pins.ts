/**
 * Changing what a trained workspace's pointer pins, as a promotion would: another version of
 * a model (a copy of a trained one under a new name, its test metrics edited if asked), pinned
 * as champion with an optional challenger, the pointer committed in git as someone would; and
 * the deployment log the server writes for it in the background, once written.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readPointer, writePointer } from "../../src/gitops/pointer.ts";
import { type ModelMetrics, versionDir } from "../../src/ml/version_files.ts";
import { listDeployments, type ModelDeployment } from "../../src/db/mod.ts";
import type { TestApp } from "./test_app.ts";
import type { TrainedWorkspace } from "./trained_models.ts";
import { run } from "./workspace.ts";

/** Pins `version` of `name`, with `challenger` if given (the rest of the pointer unchanged). */
export async function pinVersion(
  workspace: TrainedWorkspace,
  name: string,
  version: string,
  challenger?: string,
): Promise<void> {
  const pointer = (await readPointer(workspace.pointerPath))!;
  pointer.models[name] = { version, ...(challenger ? { challenger } : {}) };
  await writePointer(workspace.pointerPath, pointer);
}

/**
 * Another version of `name`: the trained one's files under `<version>-<suffix>` (what a
 * retrain would publish), `metrics.json` changed by `edit` if given. Returns its name.
 */
export async function copyVersion(
  workspace: TrainedWorkspace,
  name: string,
  suffix: string,
  edit?: (metrics: ModelMetrics) => void,
): Promise<string> {
  const version = `${workspace.versions[name]}-${suffix}`;
  const dir = versionDir(workspace.root, name, version);
  await cp(versionDir(workspace.root, name, workspace.versions[name]), dir, { recursive: true });
  if (edit) {
    const path = join(dir, "metrics.json");
    const metrics = JSON.parse(await readFile(path, "utf8")) as ModelMetrics;
    edit(metrics);
    await writeFile(path, JSON.stringify({ ...metrics, version }));
  }
  return version;
}

/**
 * Commits the workspace's pointer as `author` ("Name <email>"), making the workspace a git
 * repository first if it is none; returns the commit's hash.
 */
export async function commitPointer(
  workspace: TrainedWorkspace,
  author: string,
  subject: string,
): Promise<string> {
  const git = (...args: string[]) => run(workspace.root, "git", args);
  if (!existsSync(join(workspace.root, ".git"))) {
    await git("init", "--quiet");
    await git("config", "user.email", "tests@example.com");
    await git("config", "user.name", "tests");
    await git("config", "commit.gpgsign", "false");
  }
  await git("add", "--", workspace.pointerPath);
  await git("commit", "--quiet", "--author", author, "-m", subject, "--", workspace.pointerPath);
  return (await git("rev-parse", "HEAD")).trim();
}

/** The deployment log of `name` once `ready` holds for it (records are written in the background). */
export async function deploymentsOnce(
  harness: TestApp,
  name: string,
  ready: (log: ModelDeployment[]) => boolean,
): Promise<ModelDeployment[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const log = await listDeployments(harness.database.db, name);
    if (ready(log)) return log;
    if (Date.now() > deadline) assert.fail(`deployment log of ${name}: ${JSON.stringify(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
