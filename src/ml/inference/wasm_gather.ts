import * as tf from "@tensorflow/tfjs";
import type { WasmBackendHeap } from "./wasm_segment_sum.ts";

/**
 * `GatherV2` along the first axis for the wasm backend, in JS over wasm memory. The backend's
 * own kernel bounds-checks every index through a closure before calling into wasm: on the
 * ticket model's Embedding lookups (a row per term of every ticket of a batch) it took 60% of a
 * training step, this loop takes a few percent. Other axes, batch dimensions and dtypes go to the
 * backend's kernel, whose setup this one keeps.
 */
export function registerWasmGather(): void {
  const builtIn = tf.getKernel("GatherV2", "wasm");
  if (!builtIn || builtIn.kernelFunc === gatherFirstAxis) return;
  tf.unregisterKernel("GatherV2", "wasm");
  tf.registerKernel({ ...builtIn, kernelFunc: gatherFirstAxis });

  function gatherFirstAxis(args: Parameters<tf.KernelFunc>[0]) {
    const { inputs, backend, attrs } = args;
    const { x, indices } = inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = attrs as unknown as { axis: number; batchDims: number };
    const plain = batchDims === 0 && tf.util.parseAxisParam(axis, x.shape)[0] === 0 &&
      (x.dtype === "float32" || x.dtype === "int32") && indices.dtype === "int32";
    if (!plain) return builtIn!.kernelFunc(args);
    const heap = backend as unknown as WasmBackendHeap;
    const [rows, ...rowShape] = x.shape;
    const rowSize = rowShape.reduce((product, size) => product * size, 1);
    const output = heap.makeOutput([...indices.shape, ...rowShape], x.dtype);
    // Views taken after makeOutput, which may grow (and so detach) wasm memory.
    const gathered = heap.typedArrayFromHeap(output);
    const values = heap.typedArrayFromHeap(x);
    const ids = heap.typedArrayFromHeap(indices);
    for (let i = 0; i < ids.length; i++) {
      const row = ids[i];
      if (!(row >= 0 && row < rows)) {
        throw new RangeError(`GatherV2: the index value ${row} is not in [0, ${rows - 1}]`);
      }
      const source = row * rowSize;
      const target = i * rowSize;
      for (let j = 0; j < rowSize; j++) gathered[target + j] = values[source + j];
    }
    return output;
  }
}
