/**
 * Whether an environment really serves what git pins: each server's `/v1/models` (version and
 * model hash per model, challenger) against the pointer committed for the environment (HEAD,
 * or a pointer file given with --pointer). Exits 1 and prints each difference when they
 * disagree; with --wait, polls until they agree or the time is up. GITOPS_API_KEY is sent as
 * the Bearer key when the servers require one.
 *   deno task gitops:status --env staging --url https://staging.example.com [--url …] [--wait 300]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { positiveInt, runMain } from "../src/cli.ts";
import { gitOpsContext } from "../src/gitops/context.ts";
import { assertEnvironmentName, pointerPathOf, Refusal } from "../src/gitops/environments.ts";
import { showFile } from "../src/gitops/git.ts";
import { parsePointer, readPointer } from "../src/gitops/pointer.ts";
import { compareWithPointer, readServed } from "../src/gitops/rollout_status.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: {
        env: { type: "string" },
        url: { type: "string", multiple: true },
        pointer: { type: "string" },
        wait: { type: "string" },
      },
    });
    if (!values.env || !values.url?.length) throw new Error("--env and --url are required");
    const env = assertEnvironmentName(values.env);
    const root = Deno.cwd();
    const path = pointerPathOf(env);
    const pointer = values.pointer
      ? await readPointer(join(root, values.pointer))
      : await showFile(root, "HEAD", path).then((text) =>
        text === undefined ? undefined : parsePointer(text, `HEAD:${path}`)
      );
    if (!pointer) throw new Refusal(`no pointer committed for ${env} (${path} at HEAD)`);
    const { store } = await gitOpsContext(root);
    const deadline = Date.now() + (values.wait ? positiveInt("wait", values.wait, 0) * 1000 : 0);
    const apiKey = Deno.env.get("GITOPS_API_KEY") || undefined;
    let differences: string[];
    while (true) {
      const servers = [];
      differences = [];
      for (const url of values.url) {
        try {
          servers.push(await readServed(url, { apiKey }));
        } catch (error) {
          differences.push(
            `${url}: cannot read: ${error instanceof Error ? error.message : error}`,
          );
        }
      }
      differences.push(...await compareWithPointer(store, pointer, env, servers));
      if (differences.length === 0 || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    if (differences.length > 0) {
      console.error(`✗ ${env} does not serve what git pins:`);
      for (const line of differences) console.error(`  ${line}`);
      Deno.exit(1);
    }
    const pins = Object.entries(pointer.models).map(([n, p]) => `${n} ${p.version}`);
    console.log(
      `✓ ${env}: ${values.url.length} server(s) serve what git pins: ${
        pins.join(", ") || "nothing"
      }`,
    );
  });
}
