/**
 * One process at a time per embedded database directory: a second opener (here a separate
 * `deno` process, as `deno task pipeline` beside a running server would be) is refused with
 * a message naming the directory, and the directory opens again once the first one closes.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../../src/db/client.ts";
import { DatabaseInUse } from "../../src/db/pglite_lock.ts";

const clientModule = new URL("../../src/db/client.ts", import.meta.url).href;

/** Opens `dir` in a child process and reports what happened on stdout. */
async function openInAnotherProcess(dir: string): Promise<string> {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(clientModule)});
    try {
      const database = await openDatabase({ PGLITE_DIR: ${JSON.stringify(dir)} });
      await database.close();
      console.log("opened");
    } catch (error) {
      console.log(error.message);
    }`;
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--quiet", script],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  assert.equal(output.code, 0);
  return new TextDecoder().decode(output.stdout).trim();
}

Deno.test("an embedded database directory is refused to a second process while open", async () => {
  const root = await Deno.makeTempDir({ prefix: "pglite-lock-" });
  const dir = join(root, "pglite");
  try {
    const database = await openDatabase({ PGLITE_DIR: dir });
    try {
      const refusal = await openInAnotherProcess(dir);
      assert.match(refusal, /embedded database in .*pglite is in use by another process/);
      await assert.rejects(openDatabase({ PGLITE_DIR: `${dir}/` }), DatabaseInUse);
      await database.ping();
    } finally {
      await database.close();
    }
    assert.equal(await openInAnotherProcess(dir), "opened");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
