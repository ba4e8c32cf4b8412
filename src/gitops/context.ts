import { s3Variables } from "../dvc/mod.ts";
import { readEnvironment } from "../shared/config.ts";
import type { GitOpsContext } from "./promotion.ts";
import { teamRemote } from "./team_remote.ts";
import { versionStore } from "./version_store.ts";

/**
 * The context of a GitOps command run in `root` (a checkout): its team remote from the committed
 * `.dvc/config`, read with the `AWS_*` variables of the environment.
 */
export async function gitOpsContext(root: string, push = false): Promise<GitOpsContext> {
  const remote = await teamRemote(root);
  return { root, push, store: versionStore({ root, remote, env: readEnvironment(s3Variables) }) };
}
