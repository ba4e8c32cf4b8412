/**
 * A source whose verified objects are kept in the local DVC cache, so the next load of the
 * same version needs no remote.
 *
 * @module
 */
import { chmod, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { md5Hex } from "./md5.ts";
import { digestOf, objectKey } from "./object_key.ts";
import type { ObjectSource } from "./object_source.ts";

/**
 * `source`, storing each object it returns with the right md5 in the cache at `cacheDir`
 * (DVC's layout, read-only as DVC leaves its cache files). Storing is best effort: a failure
 * goes to `onStoreError` and the bytes are still returned.
 */
export function keepingInCache(
  source: ObjectSource,
  cacheDir: string,
  onStoreError: (error: unknown) => void = () => {},
): ObjectSource {
  return {
    description: source.description,
    async get(request, signal) {
      const result = await source.get(request, signal);
      if (result.found && md5Hex(result.bytes) === digestOf(request.hash)) {
        await storeObject(cacheDir, request.hash, result.bytes).catch(onStoreError);
      }
      return result;
    },
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
