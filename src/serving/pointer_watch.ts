import { dirname, resolve } from "node:path";
import type { Logger } from "../logger.ts";

/**
 * Re-reads the model pointer when its file changes (a `git pull` or an Argo CD sync writes
 * it). Watches the folder, since editors and git replace the file rather than modify it;
 * events are debounced so one change triggers one reload.
 */
export function watchPointer(
  pointerPath: string,
  reload: () => Promise<unknown>,
  logger: Logger,
): { close(): void } {
  const target = resolve(pointerPath);
  let watcher: Deno.FsWatcher;
  try {
    // A fresh clone lacks the folder until a first run or a promotion writes the pointer.
    Deno.mkdirSync(dirname(target), { recursive: true });
    watcher = Deno.watchFs(dirname(target));
  } catch (error) {
    logger.warn("Not watching the model pointer (use POST /admin/reload)", {
      reason: String(error),
    });
    return { close: () => {} };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  (async () => {
    for await (const event of watcher) {
      if (!event.paths.some((path) => resolve(path) === target)) continue;
      clearTimeout(timer);
      timer = setTimeout(() => {
        logger.info("Model pointer changed; reloading", { path: pointerPath });
        reload().catch((error) => logger.error("Reload failed", { reason: String(error) }));
      }, 200);
    }
  })();
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
