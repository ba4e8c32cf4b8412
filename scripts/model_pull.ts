/**
 * What a retraining pulls, and no more: the versions the environments pin (for the gate, and
 * so the new models.dvc still holds them) and, with --data, the data data.dvc names. A
 * retraining on fresh data needs no data pulled.
 *   deno task model:pull --env staging --env production [--data]
 */
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { s3Variables } from "../src/dvc/mod.ts";
import { readEnvironment } from "../src/shared/config.ts";
import { pullForRetraining } from "../src/gitops/pull_versions.ts";
import { teamRemote } from "../src/gitops/team_remote.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: {
        env: { type: "string", multiple: true },
        data: { type: "boolean", default: false },
      },
    });
    if (!values.env?.length) throw new Error("--env is required (once per environment)");
    const root = Deno.cwd();
    const pulled = await pullForRetraining({
      root,
      remote: await teamRemote(root),
      envs: values.env,
      data: values.data,
      env: readEnvironment(s3Variables),
    });
    console.log(`✓ pinned versions in models/: ${pulled.versions.join(", ") || "none yet"}`);
    if (values.data) console.log(`✓ data/: ${pulled.dataFiles} file(s) of data.dvc`);
  });
}
