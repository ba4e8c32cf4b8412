/** Trained models versioned with the real dvc CLI and pushed to a directory remote. */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { dvcFileHash, runDvc } from "../../src/dvc/cli.ts";
import { type ModelPointer, readPointer, writePointer } from "../../src/gitops/pointer.ts";
import { type TrainedWorkspace, trainedWorkspace } from "./trained_models.ts";

/** The workspace, the remote (`<remoteParent>/dvc`) and the pointer pinned to what was pushed. */
export interface PushedModels {
  workspace: TrainedWorkspace;
  remoteParent: string;
  modelsMd5: string;
  pointer: ModelPointer;
}

/**
 * Trains both models, `dvc add models` and `dvc push` to `<remoteParent>/dvc`, then pins
 * `models_dvc_md5` in the workspace pointer as `deno task register --promote` does. The
 * workspace keeps the pointer and `models.dvc` but neither `models/` nor a DVC cache, so
 * every artifact has to come from the remote.
 */
export async function pushTrainedModels(): Promise<PushedModels> {
  const workspace = await trainedWorkspace();
  const remoteParent = await Deno.makeTempDir({ prefix: "dvc-http-remote-" });
  await runDvc(workspace.root, ["init", "--no-scm", "--quiet"]);
  await runDvc(workspace.root, ["add", "--quiet", "models"]);
  await runDvc(workspace.root, [
    "remote",
    "add",
    "--default",
    "storage",
    join(remoteParent, "dvc"),
  ]);
  await runDvc(workspace.root, ["push", "--quiet"]);
  const modelsMd5 = await dvcFileHash(join(workspace.root, "models.dvc"));
  const pointer = { ...(await readPointer(workspace.pointerPath))!, models_dvc_md5: modelsMd5 };
  await writePointer(workspace.pointerPath, pointer);
  await rm(join(workspace.root, "models"), { recursive: true });
  await rm(join(workspace.root, ".dvc", "cache"), { recursive: true });
  await rm(join(workspace.root, ".dvc", "tmp"), { recursive: true, force: true });
  return { workspace, remoteParent, modelsMd5, pointer };
}
