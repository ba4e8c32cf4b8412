import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Logger } from "../logger.ts";

/**
 * Re-reads the model pointer when its file changes (a `git pull` or an Argo CD sync writes
 * it). Watches the folder, since editors and git replace the file rather than modify it, and
 * a Kubernetes ConfigMap volume swaps a `..data` symlink beside it without any event naming
 * the file: after any event there (debounced), the file's text is compared with the last
 * seen, so one change triggers one reload and unrelated files none.
 */
export function watchPointer(
  pointerPath: string,
  reload: () => Promise<unknown>,
  logger: Logger,
): { close(): void } {
  const target = resolve(pointerPath);
  const readText = () => readFile(target, "utf8").catch(() => undefined);
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
  let lastSeen = readText();
  let timer: ReturnType<typeof setTimeout> | undefined;
  (async () => {
    for await (const _event of watcher) {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const [before, now] = [await lastSeen, await (lastSeen = readText())];
        if (now === before) return;
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
