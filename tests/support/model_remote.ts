/** Trained models versioned with the real dvc CLI and pushed to a DVC remote. */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { dvcFileHash, runDvc } from "../../src/dvc/cli.ts";
import { type ModelPointer, readPointer, writePointer } from "../../src/gitops/pointer.ts";
import { type TrainedWorkspace, trainedWorkspace } from "./trained_models.ts";

/** A DVC remote: its URL and the `dvc remote modify --local` options it needs. */
export interface DvcRemote {
  url: string;
  options?: Record<string, string>;
}

/** `dvc remote add` in the project at `root`, then the remote's options (kept in config.local). */
export async function addDvcRemote(
  root: string,
  name: string,
  remote: DvcRemote,
  { asDefault = false } = {},
): Promise<void> {
  await runDvc(root, ["remote", "add", ...(asDefault ? ["--default"] : []), name, remote.url]);
  for (const [option, value] of Object.entries(remote.options ?? {})) {
    await runDvc(root, ["remote", "modify", "--local", name, option, value]);
  }
}

/** The workspace and the pointer pinned to what was pushed. */
export interface PushedModels {
  workspace: TrainedWorkspace;
  modelsMd5: string;
  pointer: ModelPointer;
}

/**
 * Trains both models, `dvc add models` and `dvc push` to `remote`, then pins
 * `models_dvc_md5` in the workspace pointer as `deno task register --promote` does. The
 * workspace keeps the pointer and `models.dvc` but neither `models/` nor a DVC cache, so
 * every artifact has to come from the remote.
 */
export async function pushTrainedModels(remote: DvcRemote): Promise<PushedModels> {
  const workspace = await trainedWorkspace();
  await runDvc(workspace.root, ["init", "--no-scm", "--quiet"]);
  await runDvc(workspace.root, ["add", "--quiet", "models"]);
  await addDvcRemote(workspace.root, "storage", remote, { asDefault: true });
  await runDvc(workspace.root, ["push", "--quiet"]);
  const modelsMd5 = await dvcFileHash(join(workspace.root, "models.dvc"));
  const pointer = { ...(await readPointer(workspace.pointerPath))!, models_dvc_md5: modelsMd5 };
  await writePointer(workspace.pointerPath, pointer);
  await rm(join(workspace.root, "models"), { recursive: true });
  await rm(join(workspace.root, ".dvc", "cache"), { recursive: true });
  await rm(join(workspace.root, ".dvc", "tmp"), { recursive: true, force: true });
  return { workspace, modelsMd5, pointer };
}
