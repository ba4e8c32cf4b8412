/**
 * Reading a `dvc push`ed tree natively from the workspace, the cache, a local-directory
 * remote and an HTTP remote, with corruption and absence refused.
 */
import assert from "node:assert/strict";
import { chmod, cp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readDvcFile, singleOut } from "../../src/dvc/dvc_file.ts";
import { CorruptArtifactError, MissingArtifactError } from "../../src/dvc/errors.ts";
import { httpSource } from "../../src/dvc/http_source.ts";
import { cacheSource, localRemoteSource } from "../../src/dvc/local_source.ts";
import { md5Hex } from "../../src/dvc/md5.ts";
import { objectKey } from "../../src/dvc/object_key.ts";
import { fetchObject, type ObjectSource } from "../../src/dvc/object_source.ts";
import { defaultSources, remoteSource } from "../../src/dvc/remote_source.ts";
import { readTrackedFiles } from "../../src/dvc/tracked_tree.ts";
import { workspaceSource } from "../../src/dvc/workspace_source.ts";
import { createDvcProject, trackedFiles, versionPrefix } from "../support/dvc_fixture.ts";
import { serveDirectory } from "../support/http_dir_server.ts";

const expectedVersion = new Map(
  trackedFiles
    .filter((f) => f.relpath.startsWith(versionPrefix))
    .map((f) => [f.relpath.slice(versionPrefix.length), f.bytes]),
);
const weights = trackedFiles.find((f) => f.relpath === `${versionPrefix}weights.bin`)!;

/** Overwrites one byte of a (read-only, as DVC leaves it) object file. */
async function corruptByte(path: string, offset: number): Promise<void> {
  const bytes = new Uint8Array(await readFile(path));
  bytes[offset] ^= 0xff;
  await chmod(path, 0o644);
  await writeFile(path, bytes);
}

Deno.test("native loading from workspace, cache, local and HTTP remotes", async (t) => {
  const project = await createDvcProject();
  const server = serveDirectory(project.remoteDir);
  try {
    const { md5: dirMd5 } = singleOut(await readDvcFile(project.dvcFile));
    const sources: Record<string, ObjectSource> = {
      workspace: workspaceSource(project.modelsDir),
      cache: cacheSource(project.cacheDir),
      "local remote": localRemoteSource(project.remoteDir),
      "http remote": httpSource(server.url, { timeoutMs: 5_000 }),
    };

    await t.step("every source alone returns the same verified bytes", async () => {
      for (const [name, source] of Object.entries(sources)) {
        const files = await readTrackedFiles({
          dvcFile: project.dvcFile,
          prefix: versionPrefix,
          sources: [source],
        });
        assert.deepEqual(files, expectedVersion, name);
      }
      assert.ok(server.requests.some((p) => p === `/${objectKey(dirMd5)}`));
      assert.ok(server.requests.includes(`/${objectKey(md5Hex(weights.bytes))}`));
    });

    await t.step("the whole tree, by pinned hash, keyed by full relpath", async () => {
      const files = await readTrackedFiles({ dirMd5, sources: [sources["http remote"]] });
      assert.deepEqual(files, new Map(trackedFiles.map((f) => [f.relpath, f.bytes])));
    });

    await t.step("the prefix selects a directory, not names that merely start alike", async () => {
      const files = await readTrackedFiles({
        dirMd5,
        prefix: "ticket-triage/20261122T042439Z-fa876444",
        sources: [sources.cache],
      });
      assert.deepEqual([...files.keys()].sort(), ["model.json", "weights.bin", "日本/vocab.json"]);
    });

    await t.step("defaultSources reads a relative remote against root", async () => {
      const files = await readTrackedFiles({
        dvcFile: project.dvcFile,
        prefix: versionPrefix,
        sources: defaultSources({ root: project.root, remoteUrl: "remote" }),
      });
      assert.deepEqual(files, expectedVersion);
      assert.equal(remoteSource(server.url).description, `remote ${server.url}`);
    });

    await t.step("the workspace rebuilds the manifest when no cache has it", async () => {
      const seen: string[] = [];
      const files = await readTrackedFiles({
        dvcFile: project.dvcFile,
        prefix: versionPrefix,
        sources: [sources.workspace, sources["http remote"]],
        onMismatch: (e) => seen.push(e.message),
      });
      assert.deepEqual(files, expectedVersion);
      assert.deepEqual(seen, []);
    });

    await t.step(
      "a corrupt object in the remote is refused; other sources still work",
      async () => {
        const remote = join(project.root, "remote-corrupt");
        await cp(project.remoteDir, remote, { recursive: true });
        await corruptByte(join(remote, objectKey(md5Hex(weights.bytes))), 1000);
        const corrupt = [localRemoteSource(remote)];
        const server2 = serveDirectory(remote);
        try {
          for (const bad of [corrupt, [httpSource(server2.url)]]) {
            await assert.rejects(
              readTrackedFiles({ dvcFile: project.dvcFile, prefix: versionPrefix, sources: bad }),
              (error: unknown) => {
                assert.ok(error instanceof CorruptArtifactError);
                assert.equal(error.expected, md5Hex(weights.bytes));
                assert.match(
                  error.message,
                  new RegExp(
                    `^Cannot load "models/${versionPrefix}weights\\.bin": md5 mismatch ` +
                      `\\(expected ${md5Hex(weights.bytes)}, got [0-9a-f]{32}\\) from remote `,
                  ),
                );
                return true;
              },
            );
          }
          const mismatches: CorruptArtifactError[] = [];
          const files = await readTrackedFiles({
            dvcFile: project.dvcFile,
            prefix: versionPrefix,
            sources: [...corrupt, sources.cache],
            onMismatch: (e) => mismatches.push(e),
          });
          assert.deepEqual(files, expectedVersion);
          assert.equal(mismatches.length, 1);
          assert.equal(mismatches[0].source, `remote ${remote}`);
        } finally {
          await server2.close();
        }
      },
    );

    await t.step("a corrupt manifest is refused too", async () => {
      const remote = join(project.root, "remote-bad-manifest");
      await cp(project.remoteDir, remote, { recursive: true });
      await corruptByte(join(remote, objectKey(dirMd5)), 3);
      await assert.rejects(
        readTrackedFiles({ dirMd5, sources: [localRemoteSource(remote)], outPath: "models" }),
        (e: unknown) =>
          e instanceof CorruptArtifactError && e.message.includes(`manifest ${dirMd5}`),
      );
    });

    await t.step("a modified workspace file is refused; the cache serves it", async () => {
      const dir = join(project.root, "workspace-copy");
      await cp(project.modelsDir, dir, { recursive: true });
      await writeFile(join(dir, versionPrefix, "model.json"), "{}");
      const mismatches: string[] = [];
      const files = await readTrackedFiles({
        dvcFile: project.dvcFile,
        prefix: versionPrefix,
        sources: [workspaceSource(dir), sources.cache],
        onMismatch: (e) => mismatches.push(e.source),
      });
      assert.deepEqual(files, expectedVersion);
      assert.deepEqual(mismatches, [`workspace ${dir}`]);
      const modelJson = expectedVersion.get("model.json")!;
      await assert.rejects(
        fetchObject(
          {
            hash: md5Hex(modelJson),
            relpath: `${versionPrefix}model.json`,
            artifact: "model.json",
          },
          [workspaceSource(dir)],
        ),
        (e: unknown) => e instanceof CorruptArtifactError && /from workspace /.test(e.message),
      );
      await assert.rejects(
        readTrackedFiles({ dvcFile: project.dvcFile, sources: [workspaceSource(dir)] }),
        (e: unknown) =>
          e instanceof MissingArtifactError &&
          /directory differs from the tracked one/.test(e.message),
      );
    });

    await t.step("credentials in an HTTP remote's URL are sent, never shown", async () => {
      // A non-ASCII password goes as its UTF-8 bytes, as curl and DVC send it.
      const basic = `Basic ${
        btoa(String.fromCharCode(...new TextEncoder().encode("dvc:pässword")))
      }`;
      const guarded = serveDirectory(project.remoteDir, () => false, basic);
      const withCredentials = guarded.url.replace("http://", "http://dvc:p%C3%A4ssword@");
      try {
        const source = remoteSource(withCredentials);
        assert.equal(source.description, `remote ${guarded.url}`);
        const files = await readTrackedFiles({
          dvcFile: project.dvcFile,
          prefix: versionPrefix,
          sources: [source],
        });
        assert.deepEqual(files, expectedVersion);
        const refused = remoteSource(guarded.url.replace("http://", "http://dvc:wrong@"));
        await assert.rejects(
          readTrackedFiles({ dvcFile: project.dvcFile, prefix: versionPrefix, sources: [refused] }),
          (error: unknown) => {
            assert.ok(error instanceof MissingArtifactError, String(error));
            assert.match(error.message, /HTTP 401 \(unauthorized\)/);
            assert.ok(!/wrong|p%C3%A4ssword|dvc:/.test(error.message), error.message);
            return true;
          },
        );
      } finally {
        await guarded.close();
      }
    });

    await t.step("a missing object names what and where", async () => {
      const remote = join(project.root, "remote-missing");
      await cp(project.remoteDir, remote, { recursive: true });
      await rm(join(remote, objectKey(md5Hex(weights.bytes))), { force: true });
      const server3 = serveDirectory(remote);
      try {
        await assert.rejects(
          readTrackedFiles({
            dvcFile: project.dvcFile,
            prefix: versionPrefix,
            sources: [localRemoteSource(remote), httpSource(server3.url)],
          }),
          (error: unknown) => {
            assert.ok(error instanceof MissingArtifactError);
            assert.equal(error.hash, md5Hex(weights.bytes));
            assert.equal(error.attempts.length, 2);
            assert.match(
              error.message,
              new RegExp(`^Cannot load "models/${versionPrefix}weights\\.bin"`),
            );
            assert.ok(error.message.includes(`remote ${remote} (no object ${remote}/`));
            assert.ok(error.message.includes(`remote ${server3.url} (HTTP 404`));
            return true;
          },
        );
      } finally {
        await server3.close();
      }
      await assert.rejects(
        readTrackedFiles({ dirMd5, sources: [] }),
        (e: unknown) =>
          e instanceof MissingArtifactError && e.message.includes("no sources configured"),
      );
      await assert.rejects(
        readTrackedFiles({ dirMd5, prefix: "churn/nope/", sources: [sources.cache] }),
        (e: unknown) =>
          e instanceof MissingArtifactError && e.message.includes('no files under "churn/nope/"'),
      );
    });

    await t.step(
      "a remote that does not answer times out and the next source is used",
      async () => {
        const slow = serveDirectory(project.remoteDir, (p) => p.endsWith(".dir"));
        try {
          const started = performance.now();
          const files = await readTrackedFiles({
            dirMd5,
            prefix: versionPrefix,
            sources: [httpSource(slow.url, { timeoutMs: 200 }), sources.cache],
          });
          assert.deepEqual(files, expectedVersion);
          assert.ok(performance.now() - started < 5_000);
          await assert.rejects(
            readTrackedFiles({ dirMd5, sources: [httpSource(slow.url, { timeoutMs: 200 })] }),
            (e: unknown) =>
              e instanceof MissingArtifactError && /timed out after 200 ms/.test(e.message),
          );
        } finally {
          await slow.close();
        }
      },
    );

    await t.step("a .dvc file must agree with a pinned hash and track a directory", async () => {
      await assert.rejects(
        readTrackedFiles({
          dvcFile: project.dvcFile,
          dirMd5: `${"0".repeat(32)}.dir`,
          sources: [],
        }),
        /records .*\.dir, not the expected 0{32}\.dir/,
      );
      const fileDvc = join(project.root, "single.dvc");
      await writeFile(
        fileDvc,
        `outs:\n- md5: ${md5Hex(weights.bytes)}\n  size: 1\n  hash: md5\n  path: w.bin\n`,
      );
      await assert.rejects(readTrackedFiles({ dvcFile: fileDvc, sources: [] }), /tracks a file/);
    });
  } finally {
    await server.close();
    await project.cleanup();
  }
});

Deno.test("what a remote returns is kept in the cache, so the next load needs no remote", async () => {
  const project = await createDvcProject();
  const server = serveDirectory(project.remoteDir);
  const cacheDir = join(project.root, "fresh-cache");
  try {
    const storeErrors: unknown[] = [];
    const keepRemoteObjects = { onStoreError: (error: unknown) => storeErrors.push(error) };
    const fromRemote = await readTrackedFiles({
      dvcFile: project.dvcFile,
      prefix: versionPrefix,
      sources: defaultSources({ cacheDir, remoteUrl: server.url, keepRemoteObjects }),
    });
    assert.deepEqual(fromRemote, expectedVersion);
    assert.deepEqual(storeErrors, []);
    const requests = server.requests.length;
    const fromCache = await readTrackedFiles({
      dvcFile: project.dvcFile,
      prefix: versionPrefix,
      sources: [cacheSource(cacheDir)],
    });
    assert.deepEqual(fromCache, expectedVersion);
    assert.equal(server.requests.length, requests, "the second load asked the remote nothing");
    const weightsObject = join(cacheDir, objectKey(md5Hex(weights.bytes)));
    assert.equal((await stat(weightsObject)).mode & 0o777, 0o444, "read-only, as DVC leaves it");
    const shard = await readdir(join(weightsObject, ".."));
    assert.deepEqual(shard.filter((name) => name.endsWith(".tmp")), []);

    // A cache that cannot be written costs the copy, not the load.
    const blocked = join(project.root, "not-a-directory");
    await writeFile(blocked, "a file where the cache should be");
    const despite = await readTrackedFiles({
      dvcFile: project.dvcFile,
      prefix: versionPrefix,
      sources: defaultSources({ cacheDir: blocked, remoteUrl: server.url, keepRemoteObjects }),
    });
    assert.deepEqual(despite, expectedVersion);
    assert.ok(storeErrors.length > 0);
  } finally {
    await server.close();
    await project.cleanup();
  }
});
