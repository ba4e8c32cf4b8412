import * as tf from "@tensorflow/tfjs";

/** The slice of the wasm backend's API a JS-side kernel needs. */
export interface WasmBackendHeap {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array;
}

/**
 * `UnsortedSegmentSum` for the wasm backend, which lacks it. The Embedding layer's
 * backward pass (the gradient of `gather`) needs it, and the sparse bag-of-n-grams ticket
 * model trains on wasm several times faster than on the pure-JS CPU backend. The loop runs
 * over wasm memory directly: one pass, no copies.
 */
export function registerWasmSegmentSum(): void {
  if (tf.getKernel("UnsortedSegmentSum", "wasm")) return;
  tf.registerKernel({
    kernelName: "UnsortedSegmentSum",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend, attrs }) => {
      const heap = backend as unknown as WasmBackendHeap;
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const { numSegments } = attrs as unknown as { numSegments: number };
      const rowShape = x.shape.slice(1);
      const rowSize = rowShape.reduce((product, size) => product * size, 1);
      const output = heap.makeOutput([numSegments, ...rowShape], x.dtype);
      const sums = heap.typedArrayFromHeap(output);
      sums.fill(0);
      const values = heap.typedArrayFromHeap(x);
      const ids = heap.typedArrayFromHeap(segmentIds);
      for (let row = 0; row < ids.length; row++) {
        const target = ids[row] * rowSize;
        const source = row * rowSize;
        for (let j = 0; j < rowSize; j++) sums[target + j] += values[source + j];
      }
      return output;
    },
  });
}
