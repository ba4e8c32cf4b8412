import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultSources, readTrackedFiles, s3OptionsFromEnv } from "../../dvc/mod.ts";
import { workspaceVersionFile } from "../../ml/version_files.ts";
import type { ArtifactSource } from "./version_loader.ts";

/** Where the server may find DVC objects, in the order it tries them. */
export interface DvcArtifactOptions {
  root: string;
  cacheDir: string;
  remoteUrl: string;
  env?: Record<string, string | undefined>;
  /** Keep objects fetched from the remote in `cacheDir`; a failure to store is told here. */
  keepRemoteObjects?: { onStoreError(error: unknown): void };
}

/**
 * Version files from DVC's content-addressed layout, without git or the dvc CLI: the
 * `models` directory hash pinned in the pointer (else `models.dvc`) names a `.dir`
 * manifest; each file of `<name>/<version>/` is taken from the workspace, the local cache
 * or the remote, and every md5 is verified. With `keepRemoteObjects`, what the remote
 * returned lands in the cache, so a restart loads that version without the remote. A single
 * file for display comes from the workspace's `models/` only.
 */
export function dvcArtifactSource(options: DvcArtifactOptions): ArtifactSource {
  const sources = defaultSources({
    root: options.root,
    workspaceDir: "models",
    cacheDir: options.cacheDir,
    remoteUrl: options.remoteUrl,
    s3: s3OptionsFromEnv(options.env ?? {}),
    keepRemoteObjects: options.keepRemoteObjects,
  });
  const dvcFile = join(options.root, "models.dvc");
  return {
    fetch: (name, version, modelsMd5) => {
      if (!modelsMd5 && !existsSync(dvcFile)) {
        throw new Error(`no models.dvc in ${options.root} and no models_dvc_md5 in the pointer`);
      }
      return readTrackedFiles({
        ...(modelsMd5 ? { dirMd5: modelsMd5 } : { dvcFile }),
        prefix: `${name}/${version}/`,
        sources,
      });
    },
    localFile: workspaceVersionFile(options.root),
  };
}
