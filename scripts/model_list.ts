/**
 * Every model version that `models.dvc` or a pointer's manifest holds, with its metrics and the
 * environments that pin it.
 *   deno task model:list [--json]
 */
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { gitOpsContext } from "../src/gitops/context.ts";
import { formatVersions, listVersions } from "../src/gitops/version_list.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({ args: Deno.args, options: { json: { type: "boolean" } } });
    const { root, store } = await gitOpsContext(Deno.cwd());
    const versions = await listVersions(root, store);
    console.log(
      values.json ? JSON.stringify(versions, null, 2) : formatVersions(versions).trimEnd(),
    );
  });
}
