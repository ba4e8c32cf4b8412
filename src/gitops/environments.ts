/**
 * The environments of the GitOps loop: one overlay per environment, `gitops/overlays/<env>/`,
 * holding the model pointer that environment serves. `local` is a developer's own (git-ignored,
 * what `deno task start` serves by default); the others are committed.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Where overlays live, relative to the repository root. */
export const overlaysDir = "gitops/overlays";

/** The pointer's file name inside an overlay. */
export const pointerFileName = "model-pointer.yaml";

/** The developer's own environment: never committed, never promoted to. */
export const localEnvironment = "local";

/** A refusal of an unsafe state: its message is one line saying what and why. */
export class Refusal extends Error {
  constructor(message: string) {
    super(`Refused: ${message}`);
    this.name = "Refusal";
  }
}

/** Checks an environment name (`staging`, `production`, `eu-west`…). */
export function assertEnvironmentName(env: string): string {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(env)) {
    throw new Refusal(`"${env}" is not an environment name (lowercase letters, digits, dashes)`);
  }
  return env;
}

/** The pointer of `env`, relative to the repository root. */
export function pointerPathOf(env: string): string {
  return `${overlaysDir}/${assertEnvironmentName(env)}/${pointerFileName}`;
}

/** The committed environments under `root`: every overlay with a pointer, `local` aside. */
export function listEnvironments(root: string): string[] {
  const dir = join(root, overlaysDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== localEnvironment)
    .filter((entry) => existsSync(join(dir, entry.name, pointerFileName)))
    .map((entry) => entry.name)
    .sort();
}

/** Refuses `local` and an environment without an overlay under `root`. */
export function assertCommittedEnvironment(root: string, env: string): string {
  assertEnvironmentName(env);
  if (env === localEnvironment) {
    throw new Refusal(`"local" is this machine's own pointer; promote to a committed environment`);
  }
  if (!listEnvironments(root).includes(env)) {
    const known = listEnvironments(root).join(", ") || "none";
    throw new Refusal(`no environment "${env}" (no ${pointerPathOf(env)}; known: ${known})`);
  }
  return env;
}
