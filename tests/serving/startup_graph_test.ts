import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadedModules, npmPackageName } from "../../scripts/module_graph.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

for (const entry of ["src/main.ts", "src/deploy.ts"]) {
  Deno.test(`${entry} starts without tfjs or the pipeline (compiled networks only)`, async () => {
    const loaded = await loadedModules(entry, root);
    assert.ok(
      loaded.some((s) => s.endsWith("src/ml/inference/compiled_network.ts")),
      "graph not followed",
    );
    const heavy = loaded.filter((s) =>
      /tensorflow|\/pipelines\/|\/pipeline\/|\/ml\/training\//.test(s)
    );
    assert.deepEqual(heavy, []);
  });
}

Deno.test("npm specifiers name their package", () => {
  assert.equal(npmPackageName("npm:/hono@4.13.19/cors"), "hono");
  assert.equal(npmPackageName("npm:hono@4.13.19"), "hono");
  assert.equal(npmPackageName("npm:@hono/zod-openapi@1.6.3"), "@hono/zod-openapi");
  assert.equal(npmPackageName("npm:/drizzle-orm@0.45.4/pglite/migrator"), "drizzle-orm");
  assert.equal(npmPackageName("node:path"), undefined);
  assert.equal(npmPackageName("file:///app/src/main.ts"), undefined);
});
