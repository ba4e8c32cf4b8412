import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initTensorflow } from "../../src/ml/inference/backend.ts";

const backend = await initTensorflow();

/** The same op on the CPU backend, the reference implementation. */
async function onCpu<T>(op: () => tf.Tensor): Promise<T> {
  await tf.setBackend("cpu");
  try {
    return (await op().array()) as T;
  } finally {
    await tf.setBackend(backend);
  }
}

Deno.test("the project's wasm kernels are the ones training runs on", () => {
  assert.equal(backend, "wasm");
  assert.equal(tf.getBackend(), "wasm");
  assert.equal(tf.getKernel("GatherV2", "wasm")?.kernelFunc.name, "gatherFirstAxis");
  assert.ok(tf.getKernel("UnsortedSegmentSum", "wasm"));
});

Deno.test("gather along the first axis equals the CPU backend's, rows of any size and dtype", async () => {
  const table = () => tf.tensor3d(Array.from({ length: 5 * 3 * 2 }, (_, i) => i * 0.5), [5, 3, 2]);
  const ids = () => tf.tensor2d([[4, 0, 4], [1, 3, 2]], [2, 3], "int32");
  assert.deepEqual(
    tf.gather(table(), ids()).arraySync(),
    await onCpu(() => tf.gather(table(), ids())),
  );
  const integers = () => tf.tensor1d([7, 8, 9], "int32");
  const order = () => tf.tensor1d([2, 2, 0], "int32");
  assert.deepEqual(tf.gather(integers(), order()).arraySync(), [9, 9, 7]);
});

Deno.test("gather along another axis or with batch dimensions still answers (the backend's kernel)", async () => {
  const table = () => tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
  const ids = () => tf.tensor1d([2, 0], "int32");
  assert.deepEqual(tf.gather(table(), ids(), 1).arraySync(), [[3, 1], [6, 4]]);
  const batched = () => tf.tensor2d([[0, 1], [1, 0]], [2, 2], "int32");
  assert.deepEqual(
    tf.gather(table(), batched(), 1, 1).arraySync(),
    await onCpu(() => tf.gather(table(), batched(), 1, 1)),
  );
});

Deno.test("gather refuses an index outside the table, as the backend's kernel does", () => {
  const table = tf.tensor2d([[1, 2], [3, 4]]);
  assert.throws(
    () => tf.gather(table, tf.tensor1d([0, 2], "int32")),
    /index value 2 is not in \[0, 1\]/,
  );
  assert.throws(() => tf.gather(table, tf.tensor1d([-1], "int32")), /index value -1/);
});

Deno.test("the Embedding layer's gradient (segment sum) equals the CPU backend's", async () => {
  const gradient = () => {
    const table = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const ids = tf.tensor2d([[0, 2, 2], [1, 0, 2]], [2, 3], "int32");
    const weights = tf.tensor2d([[1, 0.5, 2], [3, 1, 0.25]]);
    return tf.grad((t: tf.Tensor) => tf.gather(t, ids).mul(weights.expandDims(2)).sum())(table);
  };
  assert.deepEqual(gradient().arraySync(), await onCpu(gradient));
});
