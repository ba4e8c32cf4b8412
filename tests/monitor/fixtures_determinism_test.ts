import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fixturesDir } from "../support/drift_parity.ts";

const root = new URL("../../", import.meta.url).pathname;

async function files(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) found.push(...await files(path));
    else found.push(path);
  }
  return found.sort();
}

Deno.test("regenerating the Evidently fixtures writes the committed bytes (seeded data)", async () => {
  const out = await Deno.makeTempDir();
  try {
    const run = await new Deno.Command(join(root, ".venv/bin/python"), {
      args: [join(root, "tests/monitor/evidently_fixtures.py"), out],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(run.success, `the generator failed: ${new TextDecoder().decode(run.stderr)}`);
    const committed = (await files(fixturesDir)).map((f) => relative(fixturesDir, f));
    const fresh = (await files(out)).map((f) => relative(out, f));
    assert.deepEqual(fresh, committed);
    for (const file of committed) {
      const [a, b] = await Promise.all([
        Deno.readTextFile(join(fixturesDir, file)),
        Deno.readTextFile(join(out, file)),
      ]);
      assert.ok(a === b, `${file} differs when regenerated`);
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
