/**
 * The container image, built from a clean checkout by a real Docker engine and run the way a
 * cluster runs it: read-only root file system, /tmp as the only writable place, models from
 * an HTTP DVC remote. Where Docker Hub cannot be reached, the Deno base images are stand-ins
 * built from their published recipes (tests/support/deno_base_images.ts). Without an engine
 * the test is reported as ignored, with the reason.
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../src/shared/config.ts";
import { writePointer } from "../../src/gitops/pointer.ts";
import { serveDirectory } from "../support/http_dir_server.ts";
import { denoBaseImages, rebase } from "../support/deno_base_images.ts";
import { docker, dockerEngineMissing } from "../support/docker.ts";
import { parseDockerfile } from "../support/dockerfile.ts";
import { pushTrainedModels } from "../support/model_remote.ts";
import { assertServesPushedModels } from "../support/served_models.ts";
import { freePort, waitUntilReady } from "../support/server_process.ts";
import { copyTracked } from "../support/workspace.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const engineMissing = await dockerEngineMissing();
if (engineMissing) console.warn(`image_test: no Docker engine, so ignored: ${engineMissing}`);

/** `docker inspect --format {{json <field>}}` of a container or image, parsed. */
async function inspect(ref: string, field: string) {
  return JSON.parse(await docker(["inspect", "--format", `{{json ${field}}}`, ref]));
}

/** What the container printed, stdout and stderr. */
async function logsOf(container: string): Promise<string> {
  const { stdout, stderr } = await new Deno.Command("docker", { args: ["logs", container] })
    .output();
  const decoder = new TextDecoder();
  return decoder.decode(stdout) + decoder.decode(stderr);
}

/** Polls the container's health until `healthy`; fails with its last state after `timeoutMs`. */
async function waitUntilHealthy(container: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let health;
  while (Date.now() < deadline) {
    health = await inspect(container, ".State.Health");
    if (health?.Status === "healthy") return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not healthy after ${timeoutMs} ms: ${JSON.stringify(health)}`);
}

Deno.test({
  name: "the image builds from a clean checkout and serves, non-root on a read-only root, healthy",
  ignore: engineMissing !== undefined,
  async fn() {
    const dockerfile = await Deno.readTextFile(join(repoRoot, "Dockerfile"));
    const image = parseDockerfile(dockerfile);
    const bases = await denoBaseImages(image.denoVersion);

    const context = await Deno.makeTempDir({ prefix: "image-context-" });
    const remoteParent = await Deno.makeTempDir({ prefix: "dvc-http-remote-" });
    const pushed = await pushTrainedModels({ url: join(remoteParent, "dvc") });
    const remote = serveDirectory(remoteParent);
    const tag = `mlops-api-test:${crypto.randomUUID().slice(0, 8)}`;
    const container = tag.replace(":", "-");
    // The build stage tagged too: an engine without BuildKit keeps it as an image, which
    // removing its tag then deletes.
    const buildStage = `${tag}-build`;
    try {
      // A clean checkout whose promotion commit pinned the pushed models.
      await copyTracked(repoRoot, context);
      await writePointer(join(context, loadConfig(image.env).MODEL_POINTER_PATH), pushed.pointer);
      await Deno.writeTextFile(
        join(context, "Dockerfile"),
        rebase(dockerfile, image.denoVersion, bases),
      );
      // The build stage installs from the npm registry, through the host's network.
      const build = (...args: string[]) =>
        docker(["build", "--quiet", "--network", "host", ...args, context]);
      await build("--target", "build", "--tag", buildStage);
      await build("--tag", tag);

      assert.equal(await inspect(tag, ".Config.User"), "1993");
      const added = await inspect(tag, ".Size") - await inspect(bases.final, ".Size");
      assert.ok(added < 100e6, `the app adds ${added} bytes to the base image`);

      const port = freePort();
      const base = `http://127.0.0.1:${port}`;
      await docker([
        "run",
        "--detach",
        "--name",
        container,
        // Host networking reaches the loopback DVC remote; the server binds loopback only.
        "--network",
        "host",
        "--read-only",
        "--tmpfs",
        "/tmp",
        "--env",
        "HOST=127.0.0.1",
        "--env",
        `PORT=${port}`,
        "--env",
        `DVC_REMOTE_URL=${remote.url}/dvc`,
        tag,
      ]);
      const ready = await waitUntilReady(base, 60_000).catch(async (error) => {
        throw new Error(`${error.message}\n${await logsOf(container)}`);
      });
      await assertServesPushedModels(base, ready, pushed);

      // tini is PID 1 and forwards signals; deno runs under it, as user 1993.
      const pid = await inspect(container, ".State.Pid");
      const init = (await Deno.readTextFile(`/proc/${pid}/cmdline`)).split("\0");
      assert.deepEqual(init.slice(0, 3), ["/tini", "--", "/bin/deno"]);
      const processes = (await docker(["top", container, "-eo", "pid,uid,args"])).trim().split(
        "\n",
      );
      assert.ok(processes.length >= 3, processes.join("\n"));
      for (const line of processes.slice(1)) assert.match(line, /^\d+\s+1993\s/);

      // The engine runs the HEALTHCHECK itself, with the container's PORT.
      await waitUntilHealthy(container, 40_000);

      await docker(["stop", "--time", "30", container]);
      assert.equal(await inspect(container, ".State.ExitCode"), 0);
      const logs = (await logsOf(container)).split("\n").filter(Boolean);
      const problems = logs.filter((line) =>
        !line.startsWith('{"') || /"level":"error"/.test(line)
      );
      assert.deepEqual(problems, [], "no errors or stray output (a download, a read-only write)");
      assert.ok(logs.some((line) => line.includes('"Shutting down')), logs.join("\n"));
      const opened = logs.map((line) => JSON.parse(line)).find((e) =>
        e.message === "Database ready"
      );
      assert.equal(opened?.createdFrom, "/app/.data/pglite-template", "PGlite from the template");
    } finally {
      await docker(["rm", "--force", container]).catch(() => {});
      await docker(["rmi", "--force", tag, buildStage]).catch(() => {});
      await remote.close();
      await rm(context, { recursive: true, force: true });
      await rm(pushed.workspace.root, { recursive: true, force: true });
      await rm(remoteParent, { recursive: true, force: true });
    }
  },
});
