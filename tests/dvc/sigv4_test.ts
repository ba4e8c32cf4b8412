/**
 * S3 request signing (aws4fetch, as `s3Signer` sets it up) against AWS's published S3
 * examples, and S3 addressing. Reading a real `dvc push`ed S3 remote, signatures checked by an
 * S3 server, is `s3_remote_test.ts`.
 */
import assert from "node:assert/strict";
import {
  emptyPayloadHash,
  parseS3Url,
  s3ObjectUrl,
  s3OptionsFromEnv,
  s3Signer,
  s3Source,
} from "../../src/dvc/s3_source.ts";

// "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk"
// (Amazon S3 API reference): the example credentials, bucket and date.
const docCredentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const docDate = new Date(Date.UTC(2013, 4, 24));
const docSigner = (url: string, headers: Record<string, string> = {}) =>
  s3Signer({ method: "GET", url, headers, credentials: docCredentials, date: docDate });
const signature = (headers: Headers) => headers.get("authorization")!.split("=").at(-1);

Deno.test("S3 signing reproduces the AWS S3 documentation examples", async () => {
  const getObject = docSigner("https://examplebucket.s3.amazonaws.com/test.txt", {
    Range: "bytes=0-9",
  });
  assert.equal(
    await getObject.canonicalString(),
    [
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
    ].join("\n"),
  );
  assert.equal(
    (await getObject.stringToSign()).split("\n").at(-1),
    "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
  );
  const { headers } = await getObject.sign();
  assert.equal(headers.get("x-amz-date"), "20130524T000000Z");
  assert.equal(headers.get("x-amz-content-sha256"), emptyPayloadHash);
  assert.equal(headers.get("range"), "bytes=0-9");
  assert.equal(headers.has("host"), false, "host is signed, and left to fetch");
  assert.equal(
    headers.get("authorization"),
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
      "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
      "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
  );

  const bucketSignature = async (url: string) => signature((await docSigner(url).sign()).headers);
  assert.equal(
    await bucketSignature("https://examplebucket.s3.amazonaws.com/?lifecycle"),
    "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
  );
  assert.equal(
    await bucketSignature("https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2"),
    "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
  );
});

Deno.test("an S3 source signs its GETs, with the session token when there is one", async () => {
  const sent: Request[] = [];
  const fetchStub: typeof fetch = (input, init) => {
    sent.push(new Request(input, init));
    return Promise.resolve(new Response("not here", { status: 404 }));
  };
  const hash = "d41d8cd98f00b204e9800998ecf8427e";
  const request = { hash, artifact: "models/x" };
  const options = { region: "eu-west-3", fetch: fetchStub, now: () => docDate };
  await s3Source("s3://b/p", options).get(request);
  await s3Source("s3://b/p", {
    ...options,
    credentials: { ...docCredentials, sessionToken: "token" },
  }).get(request);
  const [unsigned, signed] = sent;
  assert.equal(
    unsigned.url,
    `https://b.s3.eu-west-3.amazonaws.com/p/files/md5/d4/${hash.slice(2)}`,
  );
  assert.equal(unsigned.headers.has("authorization"), false, "no credentials, no signature");
  assert.equal(signed.url, unsigned.url);
  assert.equal(signed.headers.get("x-amz-security-token"), "token");
  assert.equal(signed.headers.get("x-amz-content-sha256"), emptyPayloadHash);
  assert.match(
    signed.headers.get("authorization")!,
    new RegExp(
      "^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/eu-west-3/s3/aws4_request, " +
        "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, " +
        "Signature=[0-9a-f]{64}$",
    ),
  );
});

Deno.test("S3 URLs, keys and options", async () => {
  const encoded = s3ObjectUrl("b", "photos/été 2013/a+b (1)~x_y-z.jpg", {
    endpoint: "http://127.0.0.1:9000",
  });
  assert.equal(
    encoded,
    "http://127.0.0.1:9000/b/photos/%C3%A9t%C3%A9%202013/a%2Bb%20%281%29~x_y-z.jpg",
  );
  // S3 signs the path as sent, each key segment URI-encoded once (not twice).
  const canonical = await docSigner(encoded).canonicalString();
  assert.equal(canonical.split("\n")[1], new URL(encoded).pathname);
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
