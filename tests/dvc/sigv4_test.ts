/**
 * SigV4 against AWS's published S3 examples, and S3 addressing. Reading a real `dvc push`ed
 * S3 remote, signatures checked by an S3 server, is `s3_remote_test.ts`.
 */
import assert from "node:assert/strict";
import { parseS3Url, s3ObjectUrl, s3OptionsFromEnv } from "../../src/dvc/s3_source.ts";
import {
  canonicalRequest,
  emptyPayloadHash,
  sha256Hex,
  signV4,
  uriEncode,
} from "../../src/dvc/sigv4.ts";

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
