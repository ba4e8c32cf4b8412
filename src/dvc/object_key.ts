/**
 * Names of objects in DVC 3's content-addressed layout.
 *
 * A file's object is its md5 (`0123…ef`); a directory's object is the md5 of its `.dir`
 * manifest followed by `.dir`. Both live at `files/md5/<first 2 hex>/<the rest>` in the cache
 * and in every remote (local directory, HTTP, S3).
 *
 * @module
 */

const md5Pattern = /^[0-9a-f]{32}$/;
const objectHashPattern = /^[0-9a-f]{32}(\.dir)?$/;

/** True for a plain lowercase md5 hex digest (32 characters). */
export function isMd5(value: string): boolean {
  return md5Pattern.test(value);
}

/** True for a directory object hash: an md5 followed by `.dir`. */
export function isDirHash(value: string): boolean {
  return objectHashPattern.test(value) && value.endsWith(".dir");
}

/** The md5 digest of an object hash, without a `.dir` suffix. */
export function digestOf(hash: string): string {
  return hash.endsWith(".dir") ? hash.slice(0, -4) : hash;
}

/**
 * The key of an object inside a cache or remote: `files/md5/ab/cdef….dir`.
 * Throws on anything but a lowercase md5 (optionally `.dir`), so a key never escapes its root.
 */
export function objectKey(hash: string): string {
  if (!objectHashPattern.test(hash)) {
    throw new Error(`Invalid DVC object hash "${hash}": expected 32 lowercase hex digits`);
  }
  return `files/md5/${hash.slice(0, 2)}/${hash.slice(2)}`;
}
