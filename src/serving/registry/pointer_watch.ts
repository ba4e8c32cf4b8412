import { dirname, resolve } from "node:path";
import type { Logger } from "../../shared/logger.ts";

/** How often the pointer is checked whatever the watch reports (a missed event, a new folder). */
const pointerCheckEveryMs = 5_000;

/**
 * Re-reads the model pointer when it may have changed (a `git pull`, an Argo CD sync, a
 * Kubernetes ConfigMap volume update). It watches the folder, since editors and git replace
 * the file rather than modify it, and a ConfigMap volume swaps a `..data` symlink beside it
 * without any event naming the file. A watch dies with its folder, and a checkout that removes
 * and recreates the folder leaves it dead without a word: so every `checkEveryMs` it re-arms
 * the watch on a folder that is not the one watched, and checks the pointer anyway.
 * `reloadIfChanged` reloads only when the text differs from what the last reload applied.
 */
export function watchPointer(
  pointerPath: string,
  reloadIfChanged: () => Promise<string[] | undefined>,
  logger: Logger,
  { checkEveryMs = pointerCheckEveryMs } = {},
): { close(): void } {
  const dir = dirname(resolve(pointerPath));
  let watcher: Deno.FsWatcher | undefined;
  let watched: string | undefined; // the folder's identity: inode and birth time
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let warned = false;

  const check = (trigger: string) =>
    reloadIfChanged().then((swapped) => {
      if (swapped) logger.info("Model pointer changed; reloaded", { path: pointerPath, trigger });
    }).catch((error) => logger.error("Reload failed", { reason: String(error) }));

  const identity = () => {
    try {
      const { ino, birthtime } = Deno.statSync(dir);
      return `${ino}:${birthtime?.getTime()}`;
    } catch {
      return undefined; // gone, for now
    }
  };

  const arm = () => {
    const current = identity();
    if (watcher && current === watched) return;
    watcher?.close();
    watcher = undefined;
    watched = current;
    if (current === undefined) return;
    try {
      watcher = Deno.watchFs(dir);
    } catch (error) {
      if (warned) return;
      warned = true;
      logger.warn("Not watching the model pointer's folder; checking it periodically", {
        path: pointerPath,
        everyMs: checkEveryMs,
        reason: String(error),
      });
      return;
    }
    const events = watcher;
    (async () => {
      for await (const event of events) {
        if (event.kind === "remove" && event.paths.some((path) => resolve(path) === dir)) {
          events.close(); // the folder went: the next periodic check watches its successor
          if (watcher === events) watcher = undefined;
          return;
        }
        clearTimeout(debounce);
        debounce = setTimeout(() => check("file event"), 200);
      }
    })().catch(() => {});
  };

  // A fresh clone lacks the folder until a first run or a promotion writes the pointer.
  try {
    Deno.mkdirSync(dir, { recursive: true });
  } catch { /* a read-only file system: the folder exists or the checks say why */ }
  arm();
  void check("start"); // a change made while the models were loading
  const timer = setInterval(() => {
    arm();
    void check("periodic check");
  }, checkEveryMs);
  return {
    close: () => {
      clearInterval(timer);
      clearTimeout(debounce);
      watcher?.close();
    },
  };
}
