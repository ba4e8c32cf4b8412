/**
 * Native reading of DVC 3's content-addressed layout: `.dvc` files, `.dir` manifests, md5s
 * that agree with the `dvc` CLI, and verified fetches from workspace, cache and remotes.
 *
 * @module
 */
export * from "./dvc_file.ts";
export * from "./dir_manifest.ts";
export * from "./errors.ts";
export * from "./http_source.ts";
export * from "./keeping_source.ts";
export * from "./local_source.ts";
export * from "./md5.ts";
export * from "./object_key.ts";
export * from "./object_source.ts";
export * from "./remote_source.ts";
export * from "./s3_source.ts";
export * from "./tracked_tree.ts";
export * from "./workspace_source.ts";
