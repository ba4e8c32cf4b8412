/**
 * Native reading of DVC 3's content-addressed layout (`.dvc` files, `.dir` manifests, md5s that
 * agree with the `dvc` CLI, verified fetches from workspace, cache and remotes), and the `dvc`
 * CLI the pipeline runs.
 * @module
 */
export { dvcExecutable, dvcFileHash, ensureDvcProject, runDvc } from "./cli.ts";
export { CorruptArtifactError, MissingArtifactError } from "./errors.ts";
export { readDvcFile } from "./dvc_file.ts";
export { installDvcCli, pipInstall, runInstallStep } from "./install.ts";
export { dirHash, dirHashOfFiles } from "./md5.ts";
export type { DirEntry } from "./dir_manifest.ts";
export { fetchObject } from "./object_source.ts";
export { defaultSources } from "./remote_source.ts";
export { readDirManifest, readTrackedFile, readTrackedFiles } from "./tracked_tree.ts";
export { s3OptionsFromEnv, s3Variables } from "./s3_source.ts";
