import { readVersionFiles, versionDir, workspaceVersionFile } from "../../src/ml/version_files.ts";
import type { ArtifactSource } from "../../src/serving/registry/version_loader.ts";

/** Version files straight from `models/<name>/<version>/` under `root` (dev, tests). */
export function workspaceSource(root: string): ArtifactSource {
  return {
    fetch: (name, version) => readVersionFiles(versionDir(root, name, version)),
    localFile: workspaceVersionFile(root),
  };
}
