/**
 * An S3 DVC remote end to end: the real `dvc push` (dvc-s3) to moto's S3 server on loopback,
 * which checks every signature as S3 does, then read back natively with SigV4-signed requests;
 * wrong keys, missing buckets and a corrupted object are refused.
 */
import assert from "node:assert/strict";
import { AwsClient } from "aws4fetch";
import { runDvc } from "../../src/dvc/cli.ts";
import { CorruptArtifactError, MissingArtifactError } from "../../src/dvc/errors.ts";
import { md5Hex } from "../../src/dvc/md5.ts";
import { objectKey } from "../../src/dvc/object_key.ts";
import { s3ObjectUrl, type S3Options, s3Source } from "../../src/dvc/s3_source.ts";
import { readTrackedFiles } from "../../src/dvc/tracked_tree.ts";
import { createDvcProject, trackedFiles, versionPrefix } from "../support/dvc_fixture.ts";
import { addDvcRemote } from "../support/model_remote.ts";
import { s3DvcRemote, startS3Server } from "../support/s3_server.ts";

const weights = trackedFiles.find((f) => f.relpath === `${versionPrefix}weights.bin`)!;

Deno.test("a tree pushed to S3 by `dvc push` is read back with signed requests", async (t) => {
  const s3 = await startS3Server();
  const project = await createDvcProject();
  try {
    // A prefix with characters URI-encoded in the signed path (dvc's config file takes
    // ASCII only, so the non-ASCII case is the unit test's).
    const prefix = "dvc store/models+v1";
    const remote = s3DvcRemote(s3, prefix);
    const url = remote.url;
    await addDvcRemote(project.root, "s3", remote);
    await runDvc(project.root, ["push", "--quiet", "--remote", "s3"]);
    const options: S3Options = {
      endpoint: s3.endpoint,
      region: s3.region,
      credentials: s3.credentials,
      timeoutMs: 10_000,
    };
    const read = (source = s3Source(url, options)) =>
      readTrackedFiles({ dvcFile: project.dvcFile, sources: [source] });

    await t.step("the whole tree, every object md5-verified", async () => {
      assert.deepEqual(await read(), new Map(trackedFiles.map((f) => [f.relpath, f.bytes])));
    });

    await t.step("temporary credentials send their session token", async () => {
      const temporary = s3.temporaryCredentials;
      const files = await read(s3Source(url, { ...options, credentials: temporary }));
      assert.equal(files.size, trackedFiles.length);
      await assert.rejects(
        read(s3Source(url, { ...options, credentials: { ...temporary, sessionToken: "stale" } })),
        (e: unknown) =>
          e instanceof MissingArtifactError && e.message.includes("HTTP 400 InvalidToken"),
      );
    });

    await t.step("a wrong secret or an unknown key is refused by S3", async () => {
      for (
        const credentials of [
          { ...s3.credentials, secretAccessKey: "wrong" },
          { accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "x" },
        ]
      ) {
        await assert.rejects(
          read(s3Source(url, { ...options, credentials })),
          (e: unknown) =>
            e instanceof MissingArtifactError &&
            /HTTP 403 (SignatureDoesNotMatch|InvalidAccessKeyId)/.test(e.message),
        );
      }
    });

    await t.step("a bucket that does not exist is a missing artifact", async () => {
      await assert.rejects(
        read(s3Source(`s3://no-such-bucket/${prefix}`, options)),
        (e: unknown) => e instanceof MissingArtifactError && e.message.includes("HTTP 404"),
      );
    });

    await t.step("a corrupted object in the bucket is refused", async () => {
      const corrupted = weights.bytes.slice();
      corrupted[1000] ^= 0xff;
      const objectUrl = s3ObjectUrl(
        s3.bucket,
        `${prefix}/${objectKey(md5Hex(weights.bytes))}`,
        options,
      );
      const client = new AwsClient({
        ...s3.credentials,
        service: "s3",
        region: s3.region,
        retries: 0,
      });
      const put = await client.fetch(objectUrl, { method: "PUT", body: corrupted });
      assert.equal(put.status, 200, await put.text());
      await assert.rejects(
        read(),
        (e: unknown) =>
          e instanceof CorruptArtifactError &&
          e.expected === md5Hex(weights.bytes) &&
          e.message.includes(`from remote ${url}`),
      );
    });
  } finally {
    await project.cleanup();
    await s3.close();
  }
});
