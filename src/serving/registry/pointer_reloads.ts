import { readFile } from "node:fs/promises";

/** Reloads by the model pointer, one at a time. */
export interface PointerReloads {
  /** Syncs with the pointer; resolves to what the sync returned (the versions swapped in). */
  reload(): Promise<string[]>;
  /**
   * The same when the file's text differs from what the last reload read (undefined
   * otherwise): a watch event, a periodic check or a change made while the server started
   * all compare with what was applied, never with what some other reader saw.
   */
  reloadIfChanged(): Promise<string[] | undefined>;
}

/**
 * Serialises `sync` (a watch event and an admin call must not load twice at once) and keeps
 * the pointer text each run read.
 */
export function pointerReloads(path: string, sync: () => Promise<string[]>): PointerReloads {
  const read = () => readFile(path, "utf8").catch(() => undefined);
  let applied: string | undefined | null = null; // null: no reload yet
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(step: () => Promise<T>): Promise<T> => {
    const result = queue.then(step, step);
    queue = result.catch(() => {});
    return result;
  };
  // Read before syncing: a change landing in between reloads once more, never zero times.
  const syncWith = (text: string | undefined) => {
    applied = text;
    return sync();
  };
  return {
    reload: () => serialised(async () => syncWith(await read())),
    reloadIfChanged: () =>
      serialised(async () => {
        const text = await read();
        return text === applied ? undefined : await syncWith(text);
      }),
  };
}
