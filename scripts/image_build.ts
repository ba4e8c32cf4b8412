/**
 * The container image's build step (the Dockerfile's RUN), in /app: node_modules with only
 * the server's packages. deno.json also names what the pipeline and the dev tools use (tfjs,
 * drizzle-kit, Scalar's sources), and Deno installs every package it names: some 700 MB, of
 * which the server loads under a sixth. So this installs everything, follows the server's
 * module graph, rewrites deno.json without the imports the server never loads (the lock is
 * pruned to match), and installs again. The one file the server reads from a dropped package,
 * the docs page's browser bundle, is put back where the docs page reads it.
 *
 * Without tfjs, a network the compiled forward pass cannot reproduce is refused in the image
 * (the loader says so) instead of falling back; the pipeline never produces one.
 *
 * Then it initialises and migrates an embedded database in `.data/pglite-template`, which the
 * image's `PGLITE_TEMPLATE_DIR` names: a container without `DATABASE_URL` copies it into its
 * fresh `/tmp` instead of running PGlite's initdb, which peaks near 570 MB of resident memory
 * (src/db/pglite_template.ts).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { loadedModules, npmPackageName } from "./module_graph.ts";

const entry = "src/main.ts";
const docsBundle = "node_modules/@scalar/api-reference/dist/browser/standalone.js";

const pgliteTemplate = ".data/pglite-template";

async function deno(args: string[], env: Record<string, string> = {}): Promise<void> {
  const { success } = await new Deno.Command(Deno.execPath(), {
    args,
    env,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!success) throw new Error(`deno ${args.join(" ")} failed`);
}

const install = () => deno(["install", "--entrypoint", entry]);

if (import.meta.main) {
  await install();
  const served = new Set(
    (await loadedModules(entry, Deno.cwd())).flatMap((s) => npmPackageName(s) ?? []),
  );
  const bundle = await readFile(docsBundle);
  const config = JSON.parse(await readFile("deno.json", "utf8"));
  const imports = Object.entries<string>(config.imports);
  const isServed = ([, target]: [string, string]) => served.has(npmPackageName(target) ?? "");
  const dropped = imports.filter((entry) => !isServed(entry)).map(([name]) => name);
  config.imports = Object.fromEntries(imports.filter(isServed));
  await writeFile("deno.json", JSON.stringify(config, null, 2) + "\n");
  await rm("node_modules", { recursive: true });
  await install();
  await mkdir(dirname(docsBundle), { recursive: true });
  await writeFile(docsBundle, bundle);
  console.log(`Image dependencies: dropped ${dropped.join(", ")} (not loaded by ${entry})`);
  await rm(pgliteTemplate, { recursive: true, force: true });
  await deno(["run", "-A", "--cached-only", "scripts/migrate.ts"], {
    PGLITE_DIR: pgliteTemplate,
    DATABASE_URL: "",
  });
}
