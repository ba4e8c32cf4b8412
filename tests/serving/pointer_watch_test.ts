import assert from "node:assert/strict";
import { join } from "node:path";
import { captureLogger } from "../support/logger.ts";
import { pointerReloads } from "../../src/serving/registry/pointer_reloads.ts";
import { watchPointer } from "../../src/serving/registry/pointer_watch.ts";

/** Resolves once `count()` reaches `expected`, or fails after `ms`. */
async function until(count: () => number, expected: number, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (count() < expected) {
    if (Date.now() > deadline) assert.fail(`${count()} reloads, expected ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Longer than the watch's debounce: what would have reloaded has by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

/** Reloads of `path` that count their syncs, loaded once as the server's start does. */
async function countedReloads(path: string) {
  let syncs = 0;
  const reloads = pointerReloads(path, () => Promise.resolve([`sync ${++syncs}`]));
  await reloads.reload();
  return { reloads, syncs: () => syncs };
}

Deno.test("a pointer in a Kubernetes ConfigMap volume reloads when the ..data link swaps", async () => {
  const dir = await Deno.makeTempDir({ prefix: "configmap-" });
  // The kubelet's layout: the file is a link through `..data` to a timestamped folder.
  await Deno.mkdir(join(dir, "..2026_12_01"));
  await Deno.writeTextFile(join(dir, "..2026_12_01/model-pointer.yaml"), "models: {}\n");
  await Deno.symlink("..2026_12_01", join(dir, "..data"));
  await Deno.symlink("..data/model-pointer.yaml", join(dir, "model-pointer.yaml"));
  const { reloads, syncs } = await countedReloads(join(dir, "model-pointer.yaml"));
  const watch = watchPointer(
    join(dir, "model-pointer.yaml"),
    reloads.reloadIfChanged,
    captureLogger(),
  );
  try {
    await settle();
    assert.equal(syncs(), 1, "the start's check finds the text the load applied");
    // An update, as the kubelet writes it: a new folder, then `..data` renamed over.
    await Deno.mkdir(join(dir, "..2026_12_02"));
    await Deno.writeTextFile(
      join(dir, "..2026_12_02/model-pointer.yaml"),
      "models:\n  churn:\n    version: v2\n",
    );
    await Deno.symlink("..2026_12_02", join(dir, "..data_tmp"));
    await Deno.rename(join(dir, "..data_tmp"), join(dir, "..data"));
    await Deno.remove(join(dir, "..2026_12_01"), { recursive: true });
    await until(syncs, 2);

    // Another file of the folder, or the same text written again, reloads nothing.
    await Deno.writeTextFile(join(dir, "README.md"), "notes\n");
    await Deno.writeTextFile(
      join(dir, "..2026_12_02/model-pointer.yaml"),
      "models:\n  churn:\n    version: v2\n",
    );
    await settle();
    assert.equal(syncs(), 2);
  } finally {
    watch.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a folder removed and recreated (a checkout) is watched again", async () => {
  const root = await Deno.makeTempDir({ prefix: "pointer-folder-" });
  const dir = join(root, "overlays/local");
  const path = join(dir, "model-pointer.yaml");
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(path, "models: {}\n");
  const { reloads, syncs } = await countedReloads(path);
  const logger = captureLogger();
  const watch = watchPointer(path, reloads.reloadIfChanged, logger, { checkEveryMs: 2_000 });
  try {
    await Deno.remove(join(root, "overlays"), { recursive: true });
    await settle();
    await Deno.mkdir(dir, { recursive: true });
    await Deno.writeTextFile(path, "models:\n  churn:\n    version: v1\n");
    const before = syncs();
    await until(syncs, before + 1); // the periodic check, which re-armed the watch first
    // The new folder is watched: an edit reloads on its file event, long before the next check.
    await Deno.writeTextFile(path, "models:\n  churn:\n    version: v2\n");
    await until(syncs, before + 2, 1_500);
    const triggers = logger.lines.map((line) => line.fields?.trigger);
    assert.equal(triggers.at(-1), "file event", JSON.stringify(triggers));
  } finally {
    watch.close();
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("reloadIfChanged compares with what the last reload applied, not with any reader", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pointer-reloads-" });
  const path = join(dir, "model-pointer.yaml");
  try {
    await Deno.writeTextFile(path, "A");
    const { reloads, syncs } = await countedReloads(path);
    assert.equal(await reloads.reloadIfChanged(), undefined);
    // An admin reload applies B; the file then goes back to A: A differs from what was applied.
    await Deno.writeTextFile(path, "B");
    await reloads.reload();
    await Deno.writeTextFile(path, "A");
    assert.deepEqual(await reloads.reloadIfChanged(), ["sync 3"]);
    assert.equal(await reloads.reloadIfChanged(), undefined);
    // A deleted pointer is a change too (the loader then says nothing is pinned).
    await Deno.remove(path);
    assert.deepEqual(await reloads.reloadIfChanged(), ["sync 4"]);
    assert.equal(syncs(), 4);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
