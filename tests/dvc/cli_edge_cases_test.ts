/**
 * Corner cases of `dvc add` and `dvc push` read natively: a `.dvc` entry inside the tracked
 * directory itself, a path YAML would take for a number, an empty tracked directory.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dvcFileHash, runDvc } from "../../src/dvc/cli.ts";
import { readDvcFile, singleOut } from "../../src/dvc/dvc_file.ts";
import { localRemoteSource } from "../../src/dvc/local_source.ts";
import { dirHash, dirHashOfPath } from "../../src/dvc/md5.ts";
import { readTrackedFiles } from "../../src/dvc/tracked_tree.ts";
import { writeTree } from "../support/dvc_fixture.ts";

const text = (s: string) => new TextEncoder().encode(s);

/** `dvc init --no-scm` in a new directory holding `files`, then `dvc add` of `tracked`. */
async function addWithCli(tracked: string, files: { relpath: string; bytes: Uint8Array }[]) {
  const root = await mkdtemp(join(tmpdir(), "dvc-edge-"));
  await writeTree(root, files);
  await mkdir(join(root, tracked), { recursive: true });
  await runDvc(root, ["init", "--no-scm", "--quiet"]);
  await runDvc(root, ["add", "--quiet", tracked]);
  return root;
}

Deno.test("a .dvc entry in the tracked directory makes DVC record it empty, as we do", async () => {
  for (const entry of ["data/.dvc/config", "data/.dvc"]) {
    const root = await addWithCli("data", [
      { relpath: "data/a", bytes: text("a\n") },
      { relpath: entry, bytes: text("a DVC sub-repository marker\n") },
    ]);
    try {
      const recorded = singleOut(await readDvcFile(join(root, "data.dvc")));
      assert.equal(recorded.md5, dirHash([]), entry);
      assert.equal(recorded.nfiles, 0);
      assert.equal(await dirHashOfPath(join(root, "data")), recorded.md5, entry);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
});

Deno.test("a path YAML's core schema reads as a number stays the CLI's string", async () => {
  const root = await addWithCli(".5e3", [{ relpath: ".5e3/f", bytes: text("x\n") }]);
  try {
    const dvcFile = join(root, ".5e3.dvc");
    assert.match(await Deno.readTextFile(dvcFile), /path: \.5e3\n/); // unquoted by DVC's writer
    const out = singleOut(await readDvcFile(dvcFile));
    assert.equal(out.path, ".5e3");
    assert.equal(out.nfiles, 1);
    assert.equal(out.size, 2);
    assert.equal(await dvcFileHash(dvcFile), out.md5);
    assert.equal(await dirHashOfPath(join(root, ".5e3")), out.md5);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

Deno.test("an empty tracked directory pushed by the CLI reads back as no files", async () => {
  const root = await addWithCli("data", []);
  try {
    await runDvc(root, ["remote", "add", "--default", "storage", join(root, "remote")]);
    await runDvc(root, ["push", "--quiet"]);
    const sources = [localRemoteSource(join(root, "remote"))];
    const dvcFile = join(root, "data.dvc");
    assert.deepEqual(await readTrackedFiles({ dvcFile, sources }), new Map());
    await assert.rejects(
      readTrackedFiles({ dvcFile, sources, prefix: "missing/" }),
      /no files under "missing\/"/,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
