/**
 * One process at a time per embedded database directory. PGlite, unlike a Postgres server,
 * has no postmaster.pid: two processes opening the same directory (a running server and
 * `deno task pipeline`) both write its files and corrupt them. An advisory lock on a file in
 * the directory (Postgres ignores it, as it would postmaster.pid's neighbours) makes the
 * second one fail at once with a clear message; the kernel releases the lock when its holder
 * exits, so a crash leaves nothing stale behind.
 */

import { mkdir } from "node:fs/promises";
import { join } from "node:path";

/** Another process holds the embedded database directory. */
export class DatabaseInUse extends Error {
  constructor(dir: string) {
    super(
      `The embedded database in ${dir} is in use by another process (a running server or ` +
        `pipeline step). Stop that process first, or set DATABASE_URL so that both share a ` +
        `Postgres.`,
    );
    this.name = "DatabaseInUse";
  }
}

/** The lock's file inside a database directory. */
export const lockFileName = "pglite.lock";

/** A held lock; `release` is idempotent. */
export interface DirectoryLock {
  release(): void;
}

/**
 * Takes the lock of `dir` (the file `pglite.lock` in it, creating the directory if needed) or
 * throws {@link DatabaseInUse}.
 */
export async function lockDatabaseDirectory(dir: string): Promise<DirectoryLock> {
  await mkdir(dir, { recursive: true });
  const file = await Deno.open(join(dir, lockFileName), { create: true, write: true });
  if (!(await file.tryLock(true))) {
    file.close();
    throw new DatabaseInUse(dir);
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      file.close(); // closing the descriptor drops its lock
    },
  };
}
