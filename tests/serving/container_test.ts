/**
 * The container image, as far as a machine without a Docker engine can run it: the Dockerfile
 * is parsed, its build stage reproduced in a directory (the tracked files it copies, then its
 * RUN, which installs the server's packages only), and its CMD run there with its ENV and
 * permission flags, models coming from an HTTP DVC remote. The HEALTHCHECK command is run
 * against it too. The test follows the Dockerfile, so
 * editing one without the other fails here.
 */
import assert from "node:assert/strict";
import { readdir, rm } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startTask } from "../../bench/serve_workspace.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { writePointer } from "../../src/gitops/pointer.ts";
import { serveDirectory } from "../support/http_dir_server.ts";
import { parseDockerfile } from "../support/dockerfile.ts";
import { pushTrainedModels } from "../support/model_remote.ts";
import { assertServesPushedModels } from "../support/served_models.ts";
import {
  denoTask,
  freePort,
  isolatedEnv,
  permissionFlags,
  readyOrExit,
  runDeno,
  spawnCaptured,
} from "../support/server_process.ts";
import { copyTracked } from "../support/workspace.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Every path under `root`, files with their size and modification time, to notice any write.
 * Directory times are left out: Deno itself briefly creates and removes a lock-poll file in
 * `node_modules/.deno` on start (its own bookkeeping, which leaves nothing behind).
 */
async function snapshot(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  // Synchronous: for some 50,000 entries it is an order of magnitude faster than async lstat.
  return entries.sort().map((path) => {
    const info = Deno.lstatSync(join(root, path));
    return info.isDirectory ? `${path}/` : `${path} ${info.size} ${info.mtime?.getTime()}`;
  });
}

/** Runs `argv` (with `deno` as this Deno) to its exit. */
function runArgv(argv: string[], cwd: string, env: Record<string, string>) {
  const [command, ...args] = argv;
  assert.match(command, /^(\/bin\/)?deno$/, `${argv.join(" ")} runs deno`);
  return runDeno(args, cwd, env);
}

Deno.test("the image runs the server as `deno task start` does: its V8 flags and environment", async () => {
  const image = parseDockerfile(await Deno.readTextFile(join(repoRoot, "Dockerfile")));
  const { env, v8Flags } = startTask();
  assert.ok(v8Flags.length > 0 && Object.keys(env).length > 0, "the start task sets both");
  for (const flag of v8Flags) assert.ok(image.argv.includes(flag), `CMD has ${flag}`);
  for (const [name, value] of Object.entries(env)) assert.equal(image.env[name], value, name);
});

Deno.test("the image's CMD has `deno task start`'s permissions less the first-run build's", async () => {
  const image = parseDockerfile(await Deno.readTextFile(join(repoRoot, "Dockerfile")));
  const cmd = permissionFlags(image.argv.slice(1));
  const start = permissionFlags(denoTask(join(repoRoot, "deno.json"), "start").args);
  // Where the server's hosts and variables are configured, not in the image: the same grants.
  for (const name of ["allow-net", "allow-env"]) assert.equal(cmd.get(name), start.get(name), name);
  // /app (the working directory) and /tmp, where ENV puts the database, spill and DVC cache.
  assert.deepEqual(String(cmd.get("allow-read")).split(","), [".", "/tmp"]);
  assert.equal(cmd.get("allow-write"), "/tmp");
  // No first-run build (AUTO_BUILD_MODELS=false): no git, python or dvc; nothing else either.
  for (const name of cmd.keys()) {
    assert.ok(["allow-net", "allow-env", "allow-read", "allow-write"].includes(name), name);
  }
});

Deno.test("the Dockerfile's image serves both models from a DVC remote, writing only under /tmp", async () => {
  const image = parseDockerfile(await Deno.readTextFile(join(repoRoot, "Dockerfile")));
  assert.equal(image.env.PORT, String(image.expose), "ENV PORT is the EXPOSEd port");

  // /app lives outside /tmp, so --allow-write=/tmp gives no access to it (as in the image,
  // where /app is not writable either way once the CMD's permissions apply).
  const app = await Deno.makeTempDir({ dir: "/var/tmp", prefix: "container-app-" });
  // The container's /tmp: a fresh directory of the real /tmp, so parallel runs don't collide.
  const tmp = await Deno.makeTempDir({ dir: "/tmp", prefix: "container-tmp-" });
  const remoteParent = await Deno.makeTempDir({ prefix: "dvc-http-remote-" });
  const pushed = await pushTrainedModels({ url: join(remoteParent, "dvc") });
  const remote = serveDirectory(remoteParent);
  let server: Deno.ChildProcess | undefined;
  let output: Promise<string> | undefined;
  try {
    // What a clean checkout gives `docker build`: the tracked files under each COPY source.
    const files = await copyTracked(repoRoot, app, image.copies);
    for (const path of image.copies) {
      assert.ok(files.some((f) => f === path || f.startsWith(`${path}/`)), `${path} is tracked`);
    }
    // The build stage as the Dockerfile runs it; node_modules comes from Deno's global cache,
    // which the suite's setup has filled (a couple of seconds), and what is missing from npm.
    const installed = await runArgv(image.build, app, isolatedEnv({}));
    assert.equal(installed.code, 0, `${image.build.join(" ")} failed:\n${installed.output}`);
    // The server's packages only: neither the pipeline's tfjs nor the dev tools.
    const packages = await readdir(join(app, "node_modules"));
    assert.ok(packages.includes("hono") && packages.includes("@electric-sql"), "server packages");
    assert.deepEqual(packages.filter((p) => /^(@tensorflow|drizzle-kit)$/.test(p)), []);

    // The promoted pointer is committed to gitops/ in production, so the image carries it.
    const pointerPath = loadConfig(image.env).MODEL_POINTER_PATH;
    assert.ok(!isAbsolute(pointerPath), "the pointer path is inside /app");
    await writePointer(join(app, pointerPath), pushed.pointer);

    const port = freePort();
    const base = `http://127.0.0.1:${port}`;
    const noDenoDir = join(tmp, "not-a-directory");
    await Deno.writeTextFile(noDenoDir, "");
    const env: Record<string, string> = {
      PATH: Deno.env.get("PATH") ?? "",
      HOME: Deno.env.get("HOME") ?? "",
      // The image's /tmp and /app are this test's directories.
      ...Object.fromEntries(
        Object.entries(image.env).map(([name, value]) => [
          name,
          value.startsWith("/tmp/")
            ? join(tmp, relative("/tmp", value))
            : value.startsWith("/app/")
            ? join(app, relative("/app", value))
            : value,
        ]),
      ),
      // Tests bind loopback only; the image binds every interface.
      HOST: "127.0.0.1",
      PORT: String(port),
      DVC_REMOTE_URL: `${remote.url}/dvc`,
      // The final stage gets none of the build stage's cache: its DENO_DIR (/deno-dir/ from
      // the base image) does not exist and user 1993 cannot create it. A path under a file
      // cannot be created either, even by root.
      DENO_DIR: join(noDenoDir, "deno-dir"),
      // A container may have no route to npm: any download would fail and show in the log.
      NPM_CONFIG_REGISTRY: "http://127.0.0.1:9/",
    };
    const before = await snapshot(app);

    const [command, ...args] = image.argv;
    assert.equal(command, "/bin/deno");
    const started = spawnCaptured(args, app, env);
    server = started.child;
    output = started.output;
    const ready = await readyOrExit(started, base);
    await assertServesPushedModels(base, ready, pushed);

    // The HEALTHCHECK runs with the container's environment, PORT included.
    const health = await runArgv(image.healthcheck, app, env);
    assert.equal(health.code, 0, `HEALTHCHECK failed:\n${health.output}`);

    server.kill("SIGTERM");
    const status = await server.status;
    server = undefined;
    const logs = (await output).split("\n").filter(Boolean);
    assert.equal(status.code, 0, logs.join("\n"));
    const problems = logs.filter((line) => !line.startsWith('{"') || /"level":"error"/.test(line));
    assert.deepEqual(problems, [], "no errors or stray output (a download, a PermissionDenied)");
    assert.ok(logs.some((line) => line.includes(`"Listening on http://127.0.0.1:${port}"`)));
    // The fresh /tmp got the database the build initialised, not a run of PGlite's initdb.
    const opened = logs.map((line) => JSON.parse(line)).find((e) => e.message === "Database ready");
    assert.equal(opened?.createdFrom, env.PGLITE_TEMPLATE_DIR, "PGLITE_DIR made from the template");
    assert.deepEqual(await snapshot(app), before, "nothing written inside /app");
    // What was written in the container's /tmp is where the image's ENV points.
    const envDirs = Object.values(env).filter((value) => value.startsWith(`${tmp}/`))
      .map((value) => relative(tmp, value));
    const written = (await readdir(tmp)).filter((name) => name !== relative(tmp, noDenoDir));
    assert.ok(written.includes(relative(tmp, env.PGLITE_DIR)), "the database is in PGLITE_DIR");
    assert.deepEqual(written.filter((name) => !envDirs.includes(name)), [], "only ENV's paths");
  } finally {
    if (server) {
      server.kill("SIGKILL");
      await server.status;
    }
    await output;
    await remote.close();
    await rm(app, { recursive: true, force: true });
    await rm(tmp, { recursive: true, force: true });
    await rm(pushed.workspace.root, { recursive: true, force: true });
    await rm(remoteParent, { recursive: true, force: true });
  }
});

Deno.test(".dockerignore keeps the large local directories out and what the image copies in", async () => {
  const image = parseDockerfile(await Deno.readTextFile(join(repoRoot, "Dockerfile")));
  const ignored = (await Deno.readTextFile(join(repoRoot, ".dockerignore"))).split("\n")
    .map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
  for (const large of [".venv", "node_modules", ".data", ".dvc/cache", ".dvc-storage"]) {
    assert.ok(ignored.includes(large), `${large} is sent to the Docker daemon`);
  }
  for (const copied of image.copies) {
    const hiding = ignored.find((pattern) =>
      copied === pattern || copied.startsWith(`${pattern}/`)
    );
    assert.equal(hiding, undefined, `${copied} is copied but ignored by "${hiding}"`);
  }
});
