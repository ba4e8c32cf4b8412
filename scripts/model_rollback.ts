/**
 * Rollback of one environment: `git revert` of the last commit that changed its pointer, or,
 * with --to, a new commit pinning that version. Refused with one line when the tree is dirty,
 * the version is not in the team's DVC remote or fails the gate, or the revert would conflict.
 *   deno task model:rollback --env production [--to <version> [--model <name>]] [--push]
 */
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { gitOpsContext } from "../src/gitops/context.ts";
import { rollback } from "../src/gitops/promotion.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: {
        env: { type: "string" },
        to: { type: "string" },
        model: { type: "string" },
        push: { type: "boolean", default: false },
      },
    });
    if (!values.env) throw new Error("--env is required");
    if (values.model && !values.to) throw new Error("--model goes with --to <version>");
    const done = await rollback(await gitOpsContext(Deno.cwd(), values.push), {
      env: values.env,
      to: values.to,
      model: values.model,
    });
    console.log(`✓ ${done.commit.subject} (${done.commit.sha.slice(0, 12)})`);
    for (const [name, pinned] of Object.entries(done.pointer.models)) {
      console.log(`  ${values.env} pins ${name} ${pinned.version}`);
    }
    if (done.pushed) console.log(`  pushed to origin/${done.pushed}`);
  });
}
