/**
 * The retraining's proposal: the change the pipeline made to an environment's pointer (the
 * working tree against HEAD), checked before anything commits it (every pin in the team's DVC
 * remote, the pointer's manifest the one models.dvc records), with the metrics diff against
 * the served version. Markdown for the job summary, or GitHub step outputs (`changed`,
 * `title`, `body`) for the pull request.
 *   deno task model:report --env staging [--github-output]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { dvcFileHash } from "../src/dvc/mod.ts";
import { gitOpsContext } from "../src/gitops/context.ts";
import { assertCommittedEnvironment, pointerPathOf, Refusal } from "../src/gitops/environments.ts";
import { showFile } from "../src/gitops/git.ts";
import { championChanges, formatMetricsDiff } from "../src/gitops/metrics_diff.ts";
import { parsePointer, readPointer } from "../src/gitops/pointer.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { env: { type: "string" }, "github-output": { type: "boolean", default: false } },
    });
    if (!values.env) throw new Error("--env is required");
    const root = Deno.cwd();
    const env = assertCommittedEnvironment(root, values.env);
    const path = pointerPathOf(env);
    const committed = await showFile(root, "HEAD", path);
    const current = committed ? parsePointer(committed, `HEAD:${path}`) : { models: {} };
    const next = await readPointer(join(root, path)) ?? { models: {} };
    const context = await gitOpsContext(root);
    const changes = await championChanges(context.store, current, next);
    if (changes.length > 0) {
      await context.store.assertPushed(next, `${env}'s new pointer`);
      const recorded = await dvcFileHash(join(root, "models.dvc")).catch(() => undefined);
      if (recorded !== next.models_dvc_md5) {
        throw new Refusal(
          `${path} pins manifest ${next.models_dvc_md5} but models.dvc records ${
            recorded ?? "none"
          }`,
        );
      }
    }
    const title = changes.length > 0
      ? `Retrain ${env}: ${changes.map((c) => `${c.name} ${c.after.version}`).join(", ")}`
      : `Retrain ${env}: no version passed the gate`;
    const body = formatMetricsDiff(title, changes);
    if (!values["github-output"]) return console.log(body.trimEnd());
    const delimiter = `EOF_${crypto.randomUUID()}`;
    console.log(`changed=${changes.length > 0}`);
    console.log(`title=${title}`);
    console.log(`body<<${delimiter}\n${body}${delimiter}`);
  });
}
