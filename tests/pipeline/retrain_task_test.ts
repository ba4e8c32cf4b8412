/** `deno task retrain`: the pipeline's program and permissions, a fresh seed per run. */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { freshSeed } from "../../pipelines/retrain.ts";
import { denoTask } from "../support/server_process.ts";

const denoJson = fileURLToPath(new URL("../../deno.json", import.meta.url));

Deno.test("the retrain task runs retrain.ts with exactly the pipeline task's permissions", () => {
  const pipeline = denoTask(denoJson, "pipeline");
  const retrain = denoTask(denoJson, "retrain");
  assert.deepEqual(retrain.args.slice(0, -1), pipeline.args.slice(0, -1));
  assert.equal(pipeline.args.at(-1), "pipelines/pipeline.ts");
  assert.equal(retrain.args.at(-1), "pipelines/retrain.ts");
});

Deno.test("each second gives a new positive 32-bit seed", () => {
  const now = Date.UTC(2026, 0, 1);
  assert.notEqual(freshSeed(now), freshSeed(now + 1000));
  assert.equal(freshSeed(now), freshSeed(now + 999), "the same within a second");
  for (const time of [0, now, 8.64e15]) {
    const seed = freshSeed(time);
    assert.ok(Number.isInteger(seed) && seed > 0 && seed < 2 ** 31, `${seed}`);
  }
});
