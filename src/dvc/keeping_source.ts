/**
 * A source whose verified objects are kept in the local DVC cache, so the next load of the
 * same version needs no remote.
 *
 * @module
 */
import { chmod, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { objectKey } from "./object_key.ts";
import type { ObjectSource } from "./object_source.ts";

/**
 * `source`, storing each object it returns, once `fetchObject` has verified its md5, in the
 * cache at `cacheDir` (DVC's layout, read-only as DVC leaves its cache files). Storing is best
 * effort: a failure goes to `onStoreError` and the bytes are still returned.
 */
export function keepingInCache(
  source: ObjectSource,
  cacheDir: string,
  onStoreError: (error: unknown) => void = () => {},
): ObjectSource {
  return {
    description: source.description,
    get: (request, signal) => source.get(request, signal),
    verified: (request, bytes) => storeObject(cacheDir, request.hash, bytes).catch(onStoreError),
  };
}

/** Writes an object under a temporary name then renames it: readers never see a part. */
async function storeObject(cacheDir: string, hash: string, bytes: Uint8Array): Promise<void> {
  const path = join(cacheDir, objectKey(hash));
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${crypto.randomUUID()}.tmp`;
  await writeFile(partial, bytes);
  await chmod(partial, 0o444);
  await rename(partial, path);
}
