import assert from "node:assert/strict";
import { join } from "node:path";
import { captureLogger } from "../logger_test_support.ts";
import { watchPointer } from "./pointer_watch.ts";

/** Resolves once `reloads()` reaches `count`, or fails after `ms`. */
async function until(reloads: () => number, count: number, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (reloads() < count) {
    if (Date.now() > deadline) assert.fail(`${reloads()} reloads, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Longer than the watch's debounce: what would have reloaded has by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

Deno.test("a pointer in a Kubernetes ConfigMap volume reloads when the ..data link swaps", async () => {
  const dir = await Deno.makeTempDir({ prefix: "configmap-" });
  // The kubelet's layout: the file is a link through `..data` to a timestamped folder.
  await Deno.mkdir(join(dir, "..2026_12_01"));
  await Deno.writeTextFile(join(dir, "..2026_12_01/model-pointer.yaml"), "models: {}\n");
  await Deno.symlink("..2026_12_01", join(dir, "..data"));
  await Deno.symlink("..data/model-pointer.yaml", join(dir, "model-pointer.yaml"));
  let reloads = 0;
  const watch = watchPointer(join(dir, "model-pointer.yaml"), () => {
    reloads++;
    return Promise.resolve();
  }, captureLogger());
  try {
    await settle();
    // An update, as the kubelet writes it: a new folder, then `..data` renamed over.
    await Deno.mkdir(join(dir, "..2026_12_02"));
    await Deno.writeTextFile(
      join(dir, "..2026_12_02/model-pointer.yaml"),
      "models:\n  churn:\n    version: v2\n",
    );
    await Deno.symlink("..2026_12_02", join(dir, "..data_tmp"));
    await Deno.rename(join(dir, "..data_tmp"), join(dir, "..data"));
    await Deno.remove(join(dir, "..2026_12_01"), { recursive: true });
    await until(() => reloads, 1);

    // Another file of the folder, or the same text written again, reloads nothing.
    await Deno.writeTextFile(join(dir, "README.md"), "notes\n");
    await Deno.writeTextFile(
      join(dir, "..2026_12_02/model-pointer.yaml"),
      "models:\n  churn:\n    version: v2\n",
    );
    await settle();
    assert.equal(reloads, 1);
  } finally {
    watch.close();
    await Deno.remove(dir, { recursive: true });
  }
});
