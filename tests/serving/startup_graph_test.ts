import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const root = new URL("../../", import.meta.url);

interface GraphModule {
  specifier: string;
  dependencies?: { code?: { specifier: string } }[];
}

/**
 * The modules a server evaluates at startup: `deno info`'s graph followed through value
 * imports only (type-only imports are erased; computed dynamic imports are not in it).
 */
async function startupModules(entry: string): Promise<string[]> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    cwd: fileURLToPath(root),
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(output.success, new TextDecoder().decode(output.stderr));
  const graph = JSON.parse(new TextDecoder().decode(output.stdout));
  const modules = new Map<string, GraphModule>(
    graph.modules.map((m: GraphModule) => [m.specifier, m]),
  );
  const seen = new Set<string>();
  const pending = [...graph.roots];
  while (pending.length > 0) {
    const specifier = pending.pop()!;
    if (seen.has(specifier)) continue;
    seen.add(specifier);
    for (const dependency of modules.get(specifier)?.dependencies ?? []) {
      if (dependency.code) pending.push(dependency.code.specifier);
    }
  }
  return [...seen];
}

for (const entry of ["src/main.ts", "src/deploy.ts"]) {
  Deno.test(`${entry} starts without tfjs or the pipeline (compiled networks only)`, async () => {
    const loaded = await startupModules(entry);
    assert.ok(loaded.some((s) => s.endsWith("src/ml/compiled_network.ts")), "graph not followed");
    const heavy = loaded.filter((s) => /tensorflow|\/pipelines\/|\/ml\/train/.test(s));
    assert.deepEqual(heavy, []);
  });
}
