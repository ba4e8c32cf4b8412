/**
 * Our md5s, manifests and directory hashes agree byte for byte with the real `dvc` CLI.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDirManifest, serializeDirManifest } from "../../src/dvc/dir_manifest.ts";
import { readDvcFile, singleOut } from "../../src/dvc/dvc_file.ts";
import { dirEntriesOfPath, dirHashOfFiles, dirHashOfPath, md5Hex } from "../../src/dvc/md5.ts";
import { objectKey } from "../../src/dvc/object_key.ts";
import { createDvcProject, trackedFiles } from "../support/dvc_fixture.ts";

Deno.test("native hashing agrees with `dvc add`", async (t) => {
  const project = await createDvcProject();
  try {
    const out = singleOut(await readDvcFile(project.dvcFile));
    const manifestBytes = await readFile(join(project.cacheDir, objectKey(out.md5)));
    const cliEntries = parseDirManifest(manifestBytes, "cli manifest");

    await t.step("the .dvc file records a DVC 3 directory out", () => {
      assert.equal(out.path, "models");
      assert.equal(out.hash, "md5");
      assert.match(out.md5, /^[0-9a-f]{32}\.dir$/);
      assert.equal(out.nfiles, trackedFiles.length);
      assert.equal(out.size, trackedFiles.reduce((n, f) => n + f.bytes.length, 0));
    });

    await t.step("the .dir object sits at files/md5/xx/<rest>.dir and hashes to its name", () => {
      assert.equal(md5Hex(manifestBytes) + ".dir", out.md5);
    });

    await t.step("directory hash from disk equals the CLI's", async () => {
      assert.equal(await dirHashOfPath(project.modelsDir), out.md5);
    });

    await t.step("directory hash from in-memory files equals the CLI's", () => {
      assert.equal(dirHashOfFiles(trackedFiles), out.md5);
    });

    await t.step("our manifest bytes equal the CLI's byte for byte", async () => {
      const ours = serializeDirManifest(await dirEntriesOfPath(project.modelsDir));
      assert.equal(new TextDecoder().decode(ours), new TextDecoder().decode(manifestBytes));
      assert.deepEqual(ours, new Uint8Array(manifestBytes));
    });

    await t.step("per-file md5s equal the CLI's manifest entries", () => {
      const cli = new Map(cliEntries.map((e) => [e.relpath, e.md5]));
      assert.equal(cli.size, trackedFiles.length);
      for (const file of trackedFiles) assert.equal(cli.get(file.relpath), md5Hex(file.bytes));
    });

    await t.step("the CLI escapes non-ASCII and sorts by code point", () => {
      const text = new TextDecoder().decode(manifestBytes);
      assert.ok(text.includes('"relpath": "\\u00e9.txt"'));
      assert.ok(text.includes('"relpath": "e\\u0301.txt"'));
      assert.ok(text.includes('"relpath": "\\ud83d\\ude00.bin"'));
      assert.ok(text.includes('"relpath": "del\\u007f"'));
      assert.ok(text.includes('"relpath": "tab\\tname"'));
      const order = cliEntries.map((e) => e.relpath);
      assert.ok(order.indexOf("a-b") < order.indexOf("a.b"));
      assert.ok(order.indexOf("a.b") < order.indexOf("a/b"));
      assert.ok(order.indexOf("ｆ") < order.indexOf("😀.bin"));
      assert.equal(order.filter((p) => p.startsWith("sub/") || p.startsWith(".hg/")).length, 0);
    });
  } finally {
    await project.cleanup();
  }
});
