/**
 * The workspace of `deno task bench:serve`: a temporary directory where the pipeline has run
 * (data, models pinned by the local model pointer, DVC cache), its embedded database, and the
 * Python side (FastAPI, uvicorn, scikit-learn in `.venv`).
 */
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/mod.ts";
import { root } from "./bench_support.ts";

/** Where one run keeps its files; everything sits under `dir`, removed at the end. */
export interface Workspace {
  dir: string;
  /** The pipeline's working copy: `data/`, `models/`, `gitops/`, `.dvc/`. */
  root: string;
  pglite: string;
  logs: string;
}

/**
 * `deno run -A` of `script` in the checkout at `base` (the repository by default) with that
 * checkout's configuration (import map, lock, node_modules).
 */
export const denoRun = (script: string, flags: readonly string[] = [], base = root) => [
  "run",
  "-A",
  ...flags,
  "--config",
  join(base, "deno.json"),
  join(base, script),
];

/**
 * How `deno task start` runs the server (or `task`, another deno task), read from the
 * `deno.json` at `config` (the repository's by default): its environment and V8 flags.
 */
export function startTask(
  config = join(root, "deno.json"),
  task = "start",
): { env: Record<string, string>; v8Flags: string[] } {
  const command = JSON.parse(Deno.readTextFileSync(config)).tasks?.[task];
  const words = String(command).split(/\s+/);
  if (!words.includes("deno")) {
    throw new Error(
      `Cannot read the ${task} task of ${config}: no \`deno\` command in "${command}"`,
    );
  }
  const assignments = words.slice(0, words.indexOf("deno")).map((word) => word.split("="));
  return {
    env: Object.fromEntries(assignments),
    v8Flags: words.filter((word) => word.startsWith("--v8-flags")),
  };
}

/** The project's Python (`deno task setup` makes `.venv`). */
export const python = join(root, ".venv/bin/python");

async function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const output = await new Deno.Command(command, {
    args,
    cwd,
    env,
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(600_000),
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { ok: output.success, text: decode(output.stdout) + decode(output.stderr) };
}

/** The layout of a workspace under `dir` (made when missing). */
export async function workspaceIn(dir: string): Promise<Workspace> {
  const ws = { dir, root: join(dir, "workspace"), pglite: join(dir, "pglite"), logs: dir };
  await Deno.mkdir(ws.root, { recursive: true });
  return ws;
}

/**
 * Runs the pipeline of the checkout at `base` (the repository by default) in a fresh workspace
 * (`git init`, because `dvc init` needs a Git repository; then `pipelines/pipeline.ts` on the
 * default data set). Skipped when the workspace already has a model pointer (a directory kept
 * by an earlier `--keep` run).
 */
export async function preparePipeline(ws: Workspace, base = root): Promise<"reused" | "built"> {
  const pointer = join(ws.root, "gitops/overlays/local/model-pointer.yaml");
  if (await Deno.stat(pointer).then(() => true, () => false)) return "reused";
  const env = { PGLITE_DIR: ws.pglite, LOG_LEVEL: "warn" };
  const steps: [string, string[]][] = [
    ["git", ["init", "--quiet"]],
    [Deno.execPath(), [
      ...denoRun("pipelines/pipeline.ts", [], base),
      "--tickets",
      "20000",
      "--customers",
      "10000",
    ]],
  ];
  for (const [command, args] of steps) {
    const result = await run(command, args, ws.root, env);
    await Deno.writeTextFile(join(ws.logs, "pipeline.log"), result.text, { append: true });
    if (!result.ok) {
      throw new Error(
        `Cannot prepare the workspace: \`${command} ${args.join(" ")}\` failed:\n${
          result.text.trimEnd().split("\n").slice(-15).join("\n")
        }`,
      );
    }
  }
  return "built";
}

/** Rows in `prediction_requests` of the workspace's database (no server may hold it). */
export async function loggedPredictions(ws: Workspace): Promise<number> {
  const database = await openDatabase({ PGLITE_DIR: ws.pglite });
  try {
    const [row] = await database.queryRows<{ n: number }>(
      sql`select count(*)::int as n from prediction_requests`,
    );
    return Number(row.n);
  } finally {
    await database.close();
  }
}

/** Versions of the Python side; installs bench/requirements.txt into `.venv` when needed. */
export async function pythonVersions(): Promise<Record<string, string>> {
  const probe = [
    "-c",
    "import json, sys, fastapi, uvicorn, sklearn; print(json.dumps({'Python': sys.version.split()[0], " +
    "'FastAPI': fastapi.__version__, 'uvicorn': uvicorn.__version__, 'scikit-learn': sklearn.__version__}))",
  ];
  let result = await run(python, probe, root, {}).catch((error) => ({
    ok: false,
    text: `${error}`,
  }));
  if (!result.ok) {
    console.log(
      "FastAPI/uvicorn/scikit-learn missing from .venv: installing bench/requirements.txt",
    );
    const args = ["-m", "pip", "install", "--quiet", "-r", join(root, "bench/requirements.txt")];
    const install = await run(python, args, root, {}).catch((error) => ({
      ok: false,
      text: `${error} (run \`deno task setup\` to create .venv)`,
    }));
    if (!install.ok) throw new Error(`Cannot install bench/requirements.txt: ${install.text}`);
    result = await run(python, probe, root, {});
  }
  if (!result.ok) throw new Error(`Cannot import FastAPI/uvicorn/scikit-learn: ${result.text}`);
  return JSON.parse(result.text);
}
