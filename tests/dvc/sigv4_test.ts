/**
 * SigV4 against AWS's published S3 examples, and an S3 remote read through a loopback server
 * that checks every request's signature the way S3 does.
 */
import assert from "node:assert/strict";
import { serializeDirManifest } from "../../src/dvc/dir_manifest.ts";
import { MissingArtifactError } from "../../src/dvc/errors.ts";
import { dirHashOfFiles, md5Hex } from "../../src/dvc/md5.ts";
import { objectKey } from "../../src/dvc/object_key.ts";
import { parseS3Url, s3ObjectUrl, s3OptionsFromEnv, s3Source } from "../../src/dvc/s3_source.ts";
import {
  canonicalRequest,
  deriveSignature,
  emptyPayloadHash,
  sha256Hex,
  signV4,
  uriEncode,
} from "../../src/dvc/sigv4.ts";
import { readTrackedFiles } from "../../src/dvc/tracked_tree.ts";
import { trackedFiles, versionPrefix } from "./fixture.ts";

// "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk"
// (Amazon S3 API reference): the example credentials, bucket and date.
const docCredentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const docDate = new Date(Date.UTC(2013, 4, 24));
const docSign = (url: string, headers: Record<string, string> = {}) =>
  signV4({
    method: "GET",
    url,
    headers,
    region: "us-east-1",
    service: "s3",
    credentials: docCredentials,
    date: docDate,
  });

Deno.test("SigV4 reproduces the AWS S3 documentation examples", () => {
  const getObject = docSign("https://examplebucket.s3.amazonaws.com/test.txt", {
    Range: "bytes=0-9",
  });
  assert.equal(getObject["x-amz-date"], "20130524T000000Z");
  assert.equal(getObject["x-amz-content-sha256"], emptyPayloadHash);
  assert.equal(
    getObject.authorization,
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
      "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
      "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
  );
  const exampleCanonical = [
    "GET",
    "/test.txt",
    "",
    "host:examplebucket.s3.amazonaws.com",
    "range:bytes=0-9",
    `x-amz-content-sha256:${emptyPayloadHash}`,
    "x-amz-date:20130524T000000Z",
    "",
    "host;range;x-amz-content-sha256;x-amz-date",
    emptyPayloadHash,
  ].join("\n");
  const canonical = canonicalRequest(
    "GET",
    new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
    {
      Host: "examplebucket.s3.amazonaws.com",
      Range: "bytes=0-9",
      "x-amz-content-sha256": emptyPayloadHash,
      "X-Amz-Date": "20130524T000000Z",
    },
    emptyPayloadHash,
  );
  assert.equal(canonical.text, exampleCanonical);
  assert.equal(
    sha256Hex(canonical.text),
    "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
  );

  const signature = (headers: Record<string, string>) => headers.authorization.split("=").at(-1);
  assert.equal(
    signature(docSign("https://examplebucket.s3.amazonaws.com/?lifecycle")),
    "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
  );
  assert.equal(
    signature(docSign("https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2")),
    "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
  );
});

Deno.test("S3 URLs, keys and options", () => {
  assert.equal(
    ["photos", "été 2013", "a+b (1)~x_y-z.jpg"].map(uriEncode).join("/"),
    "photos/%C3%A9t%C3%A9%202013/a%2Bb%20%281%29~x_y-z.jpg",
  );
  assert.deepEqual(parseS3Url("s3://bucket/dvc/store/"), { bucket: "bucket", prefix: "dvc/store" });
  assert.deepEqual(parseS3Url("s3://bucket"), { bucket: "bucket", prefix: "" });
  assert.throws(() => parseS3Url("https://bucket/x"), /Invalid S3 URL/);
  assert.equal(
    s3ObjectUrl("b", "p/files/md5/ab/cd", { region: "eu-west-3" }),
    "https://b.s3.eu-west-3.amazonaws.com/p/files/md5/ab/cd",
  );
  assert.equal(
    s3ObjectUrl("b.with.dots", "k", { region: "eu-west-3" }),
    "https://s3.eu-west-3.amazonaws.com/b.with.dots/k",
  );
  assert.equal(
    s3ObjectUrl("b", "k", { endpoint: "http://127.0.0.1:9000/" }),
    "http://127.0.0.1:9000/b/k",
  );
  assert.deepEqual(
    s3OptionsFromEnv({
      AWS_ACCESS_KEY_ID: "id",
      AWS_SECRET_ACCESS_KEY: "secret",
      AWS_SESSION_TOKEN: "",
      AWS_DEFAULT_REGION: "eu-west-1",
      AWS_ENDPOINT_URL: "http://minio:9000",
    }),
    {
      region: "eu-west-1",
      endpoint: "http://minio:9000",
      credentials: { accessKeyId: "id", secretAccessKey: "secret", sessionToken: undefined },
    },
  );
  assert.equal(s3OptionsFromEnv({ AWS_ACCESS_KEY_ID: "id" }).credentials, undefined);
});

/** A minimal S3: path-style GETs, each signature recomputed from the request as received. */
function serveS3(objects: Map<string, Uint8Array>, secretAccessKey: string) {
  const seen: { path: string; authorization: string; token: string | null }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    const url = new URL(req.url);
    const authorization = req.headers.get("authorization") ?? "";
    seen.push({
      path: url.pathname,
      authorization,
      token: req.headers.get("x-amz-security-token"),
    });
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/
        .exec(authorization);
    const amzDate = req.headers.get("x-amz-date") ?? "";
    if (!match || !/^\d{8}T\d{6}Z$/.test(amzDate) || match[2] !== amzDate.slice(0, 8)) {
      return s3Error(400, "AuthorizationHeaderMalformed");
    }
    const signed = match[4].split(";");
    for (const required of ["host", "x-amz-content-sha256", "x-amz-date"]) {
      if (!signed.includes(required)) return s3Error(400, "AuthorizationHeaderMalformed");
    }
    const headers = Object.fromEntries(signed.map((n) => [n, req.headers.get(n) ?? ""]));
    const canonical = canonicalRequest(req.method, url, headers, headers["x-amz-content-sha256"]);
    const expected = deriveSignature({
      canonicalRequest: canonical.text,
      amzDate,
      region: match[3],
      service: "s3",
      secretAccessKey,
    });
    if (expected !== match[5]) return s3Error(403, "SignatureDoesNotMatch");
    const body = objects.get(decodeURIComponent(url.pathname));
    return body ? new Response(body.slice()) : s3Error(404, "NoSuchKey");
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    seen,
    close: () => server.shutdown(),
  };
}

function s3Error(status: number, code: string): Response {
  return new Response(`<?xml version="1.0"?><Error><Code>${code}</Code></Error>`, { status });
}

Deno.test("an S3 remote is read with signed requests", async () => {
  const prefix = "dvc store/é";
  const objects = new Map<string, Uint8Array>();
  for (const file of trackedFiles) {
    objects.set(`/my-bucket/${prefix}/${objectKey(md5Hex(file.bytes))}`, file.bytes);
  }
  const dirMd5 = dirHashOfFiles(trackedFiles);
  objects.set(
    `/my-bucket/${prefix}/${objectKey(dirMd5)}`,
    serializeDirManifest(trackedFiles.map((f) => ({ relpath: f.relpath, md5: md5Hex(f.bytes) }))),
  );
  const secretAccessKey = "loopback-secret/+=";
  const s3 = serveS3(objects, secretAccessKey);
  try {
    const options = {
      endpoint: s3.url,
      region: "eu-central-1",
      credentials: { accessKeyId: "AKIDLOOPBACK", secretAccessKey, sessionToken: "tok=en" },
      timeoutMs: 5_000,
    };
    const files = await readTrackedFiles({
      dirMd5,
      prefix: versionPrefix,
      sources: [s3Source(`s3://my-bucket/${prefix}`, options)],
    });
    assert.deepEqual(
      files,
      new Map(
        trackedFiles
          .filter((f) => f.relpath.startsWith(versionPrefix))
          .map((f) => [f.relpath.slice(versionPrefix.length), f.bytes]),
      ),
    );
    assert.equal(s3.seen.length, 4); // the manifest, then three files
    assert.equal(s3.seen[0].path, `/my-bucket/dvc%20store/%C3%A9/${objectKey(dirMd5)}`);
    assert.ok(s3.seen.every((r) => r.token === "tok=en"));
    assert.ok(
      s3.seen.every((r) =>
        r.authorization.includes("/eu-central-1/s3/aws4_request, SignedHeaders=")
      ),
    );

    const wrongKey = s3Source(`s3://my-bucket/${prefix}`, {
      ...options,
      credentials: { accessKeyId: "AKIDLOOPBACK", secretAccessKey: "wrong" },
    });
    await assert.rejects(
      readTrackedFiles({ dirMd5, sources: [wrongKey] }),
      (e: unknown) =>
        e instanceof MissingArtifactError && e.message.includes("HTTP 403 SignatureDoesNotMatch"),
    );
    await assert.rejects(
      readTrackedFiles({ dirMd5, sources: [s3Source("s3://other-bucket", options)] }),
      (e: unknown) => e instanceof MissingArtifactError && e.message.includes("HTTP 404 NoSuchKey"),
    );
  } finally {
    await s3.close();
  }
});
