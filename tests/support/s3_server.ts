/** Starts `s3_server.py` (moto's S3 on loopback, signatures checked) from the project's .venv. */
import type { AwsCredentials } from "../../src/dvc/s3_source.ts";
import type { DvcRemote } from "./model_remote.ts";

const python = new URL("../../.venv/bin/python", import.meta.url).pathname;
const script = new URL("./s3_server.py", import.meta.url).pathname;

/** A running S3 server: its endpoint, its bucket, keys it accepts, and how to stop it. */
export interface S3Server {
  endpoint: string;
  region: string;
  bucket: string;
  credentials: AwsCredentials;
  /** STS credentials with a session token. */
  temporaryCredentials: Required<AwsCredentials>;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<S3Server> {
  const child = new Deno.Command(python, {
    args: [script],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderr = new Response(child.stderr).text(); // drained, so a chatty server never blocks
  const stdin = child.stdin.getWriter();
  const close = async () => {
    await stdin.close().catch(() => {});
    const { code } = await child.status;
    if (code !== 0) throw new Error(`s3_server.py exited with ${code}: ${await stderr}`);
  };
  const stdout = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await stdout.read();
    if (done) {
      await close();
      throw new Error(`s3_server.py stopped before printing its endpoint: ${await stderr}`);
    }
    text += value;
  }
  await stdout.cancel();
  return { ...JSON.parse(text), close };
}

/** `s3://<bucket>/<prefix>` as a DVC remote, with the endpoint and keys dvc needs to push. */
export function s3DvcRemote(s3: S3Server, prefix: string): DvcRemote {
  return {
    url: `s3://${s3.bucket}/${prefix}`,
    options: {
      endpointurl: s3.endpoint,
      access_key_id: s3.credentials.accessKeyId,
      secret_access_key: s3.credentials.secretAccessKey,
    },
  };
}

/** The standard AWS variables that point a server (or dvc) at `s3`. */
export function s3Env(s3: S3Server): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_REGION: s3.region,
    AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  };
}
