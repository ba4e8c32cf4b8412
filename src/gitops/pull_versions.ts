/**
 * Brings what a retraining needs into the workspace, without the whole history: the versions
 * the environments pin (so the gate can compare with them and `dvc add models` keeps them in
 * the new manifest), and, only when asked, the data `data.dvc` names. Files are read from the
 * local cache or the team's remote, md5-verified, and written where `dvc pull` would put them.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { defaultSources, readTrackedFiles, s3OptionsFromEnv } from "../dvc/mod.ts";
import { versionDir } from "../ml/version_files.ts";
import { assertCommittedEnvironment, pointerPathOf, Refusal } from "./environments.ts";
import { readPointer } from "./pointer.ts";
import type { TeamRemote } from "./team_remote.ts";
import { pinsOf } from "./version_store.ts";

/** What was written, for the log. */
export interface Pulled {
  versions: string[];
  dataFiles: number;
}

/** Writes `files` (relative paths) under `dir`. */
async function writeAll(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  for (const [relpath, bytes] of files) {
    const path = join(dir, relpath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
}

/** Pulls the pins of `envs` into `models/` and, with `data`, `data.dvc`'s files into `data/`. */
export async function pullForRetraining(options: {
  root: string;
  remote: TeamRemote;
  envs: readonly string[];
  data: boolean;
  env?: Record<string, string | undefined>;
}): Promise<Pulled> {
  const { root } = options;
  const sources = defaultSources({
    root,
    cacheDir: join(".dvc", "cache"),
    remoteUrl: options.remote.url,
    s3: s3OptionsFromEnv(options.env ?? {}),
  });
  const versions: string[] = [];
  for (const env of options.envs) {
    assertCommittedEnvironment(root, env);
    const pointer = await readPointer(join(root, pointerPathOf(env)));
    for (const pin of pointer ? pinsOf(pointer) : []) {
      const key = `${pin.name} ${pin.version}`;
      const dir = versionDir(root, pin.name, pin.version);
      if (versions.includes(key)) continue;
      versions.push(key);
      if (existsSync(join(dir, "metrics.json"))) continue;
      const files = await readTrackedFiles({
        dirMd5: pointer!.models_dvc_md5,
        prefix: `${pin.name}/${pin.version}/`,
        sources,
      });
      await writeAll(dir, files);
    }
  }
  let dataFiles = 0;
  if (options.data) {
    const dvcFile = join(root, "data.dvc");
    if (!existsSync(dvcFile)) throw new Refusal("no data.dvc to pull the data of");
    const files = await readTrackedFiles({ dvcFile, sources });
    await writeAll(join(root, "data"), files);
    dataFiles = files.size;
  }
  return { versions, dataFiles };
}
