/**
 * Promotion and rollback as commits of one environment's pointer. Each refuses an unsafe state
 * with one line before it changes anything: a dirty tree, a version that is not in the team's
 * remote, a version that fails the gate, a revert that would conflict.
 */
import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";
import { assertCommittedEnvironment, pointerPathOf, Refusal } from "./environments.ts";
import { assertPassesGate } from "./gate_check.ts";
import {
  assertCleanTree,
  commitPaths,
  type CommitRef,
  lastCommitTouching,
  pushBranch,
  revertCommit,
  showFile,
} from "./git.ts";
import { manifestFor, modelsWithVersion } from "./manifest_search.ts";
import { type ModelPointer, parsePointer, readPointer, writePointer } from "./pointer.ts";
import type { VersionStore } from "./version_store.ts";

/** What every tool works on: the repository and where versions are read from. */
export interface GitOpsContext {
  root: string;
  store: VersionStore;
  /** Push the commit to `origin` (the workflows do; locally it is up to you). */
  push?: boolean;
}

/** A commit a tool made, and the pointer it committed. */
export interface PointerCommit {
  commit: CommitRef;
  pointer: ModelPointer;
  pushed?: string;
}

/** Which pin to promote: one model's version, or everything `from` pins. */
export type PromoteRequest =
  | { env: string; model: string; version: string }
  | { env: string; from: string };

async function pointerOf(root: string, env: string): Promise<ModelPointer> {
  return await readPointer(join(root, pointerPathOf(env))) ?? { models: {} };
}

/** Judges every champion that changes against the one it replaces. */
async function gateChanges(
  context: GitOpsContext,
  env: string,
  current: ModelPointer,
  next: ModelPointer,
): Promise<void> {
  for (const [name, pinned] of Object.entries(next.models)) {
    const before = current.models[name]?.version;
    if (before === pinned.version) continue;
    await assertPassesGate(context.store, {
      name,
      version: pinned.version,
      md5: next.models_dvc_md5!,
      replaces: before && current.models_dvc_md5
        ? { version: before, md5: current.models_dvc_md5 }
        : undefined,
      env,
    });
  }
}

/** Checks, writes, commits (and pushes) `next` as `env`'s pointer. */
async function commitPointer(
  context: GitOpsContext,
  env: string,
  next: ModelPointer,
  message: string,
): Promise<PointerCommit> {
  await context.store.assertPushed(next, `${env}'s new pointer`);
  const path = pointerPathOf(env);
  await writePointer(join(context.root, path), next);
  const commit = await commitPaths(context.root, [path], message);
  const pushed = context.push ? await pushBranch(context.root) : undefined;
  return { commit, pointer: next, pushed };
}

/**
 * Pins `version` of `model` in `env` (or copies every pin of `from`), gated against what `env`
 * pins now, and commits the pointer.
 */
export async function promote(
  context: GitOpsContext,
  request: PromoteRequest,
): Promise<PointerCommit> {
  const { root, store } = context;
  const env = assertCommittedEnvironment(root, request.env);
  await assertCleanTree(root);
  const current = await pointerOf(root, env);
  let next: ModelPointer;
  let message: string;
  if ("from" in request) {
    const from = assertCommittedEnvironment(root, request.from);
    if (from === env) throw new Refusal(`cannot promote ${env} to itself`);
    const source = await pointerOf(root, from);
    if (Object.keys(source.models).length === 0) throw new Refusal(`${from} pins no version`);
    next = { models: source.models, models_dvc_md5: source.models_dvc_md5 };
    const pins = Object.entries(next.models).map(([name, p]) => `${name} ${p.version}`);
    message = `Promote ${from}'s pins to ${env}: ${pins.join(", ")}`;
  } else {
    const { model, version } = request;
    if (current.models[model]?.version === version) {
      throw new Refusal(`${env} already pins ${model} ${version}`);
    }
    const challenger = current.models[model]?.challenger;
    const models = {
      ...current.models,
      [model]: { version, ...(challenger && challenger !== version ? { challenger } : {}) },
    };
    next = { models, models_dvc_md5: current.models_dvc_md5 };
    next.models_dvc_md5 = await manifestFor(root, store, next);
    message = `Promote ${model} ${version} to ${env}`;
  }
  if (isDeepStrictEqual(next, current)) throw new Refusal(`${env} already pins exactly that`);
  await gateChanges(context, env, current, next);
  return await commitPointer(context, env, next, message);
}

/**
 * Rolls `env` back: with `to`, a new commit pinning that version (of the one model that has
 * it, or `model`); without, `git revert` of the last commit that changed `env`'s pointer.
 */
export async function rollback(
  context: GitOpsContext,
  request: { env: string; to?: string; model?: string },
): Promise<PointerCommit> {
  const { root, store } = context;
  const env = assertCommittedEnvironment(root, request.env);
  await assertCleanTree(root);
  const path = pointerPathOf(env);
  if (request.to) {
    const current = await pointerOf(root, env);
    const model = request.model ?? await modelOfVersion(context, request.to);
    if (current.models[model]?.version === request.to) {
      throw new Refusal(`${env} already pins ${model} ${request.to}`);
    }
    const challenger = current.models[model]?.challenger;
    const models = {
      ...current.models,
      [model]: {
        version: request.to,
        ...(challenger && challenger !== request.to ? { challenger } : {}),
      },
    };
    const next: ModelPointer = { models, models_dvc_md5: current.models_dvc_md5 };
    next.models_dvc_md5 = await manifestFor(root, store, next);
    // Going back is judged on the baseline alone: the version it replaces is the bad one.
    await assertPassesGate(store, {
      name: model,
      version: request.to,
      md5: next.models_dvc_md5!,
      env,
    });
    return await commitPointer(context, env, next, `Roll back ${model} in ${env} to ${request.to}`);
  }
  const last = await lastCommitTouching(root, path);
  if (!last) throw new Refusal(`no commit changed ${path}: nothing to roll back`);
  const before = await showFile(root, `${last.sha}^`, path);
  if (before === undefined) {
    throw new Refusal(
      `${last.sha.slice(0, 12)} ("${last.subject}") created ${path}: nothing before it`,
    );
  }
  const previous = parsePointer(before, `${path} before ${last.sha.slice(0, 12)}`);
  await store.assertPushed(previous, `${env}'s pointer before ${last.sha.slice(0, 12)}`);
  const commit = await revertCommit(root, last);
  const pushed = context.push ? await pushBranch(root) : undefined;
  return { commit, pointer: previous, pushed };
}

async function modelOfVersion(context: GitOpsContext, version: string): Promise<string> {
  const found = await modelsWithVersion(context.root, context.store, version);
  if (found.length === 1) return found[0].name;
  if (found.length === 0) {
    throw new Refusal(`no model has a version ${version} in models.dvc or any pointer's manifest`);
  }
  throw new Refusal(`${found.map((f) => f.name).join(" and ")} both have ${version}: name --model`);
}
