/**
 * Promotion as a commit of one environment's pointer: one model's version, or every pin of
 * another environment (`--from staging`). Refused with one line when the tree is dirty, a
 * version is not in the team's DVC remote, or a version fails the gate against what the
 * environment pins now.
 *   deno task model:promote <model> <version> --env production [--push]
 *   deno task model:promote --from staging --env production [--push]
 */
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { gitOpsContext } from "../src/gitops/context.ts";
import { promote } from "../src/gitops/promotion.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values, positionals } = parseArgs({
      args: Deno.args,
      allowPositionals: true,
      options: {
        env: { type: "string" },
        from: { type: "string" },
        push: { type: "boolean", default: false },
      },
    });
    if (!values.env) throw new Error("--env is required");
    const [model, version, ...rest] = positionals;
    const request = values.from
      ? { env: values.env, from: values.from }
      : model && version
      ? { env: values.env, model, version }
      : undefined;
    if (!request || rest.length > 0 || (values.from && model)) {
      throw new Error("usage: model:promote <model> <version> --env E | --from ENV --env E");
    }
    const done = await promote(await gitOpsContext(Deno.cwd(), values.push), request);
    console.log(`✓ ${done.commit.subject} (${done.commit.sha.slice(0, 12)})`);
    if (done.pushed) console.log(`  pushed to origin/${done.pushed}`);
  });
}
