import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { registerWasmGather } from "./wasm_gather.ts";
import { registerWasmSegmentSum } from "./wasm_segment_sum.ts";

const wasmDir = new URL(
  "../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/",
  import.meta.url,
);

let initialised: Promise<string> | undefined;

/**
 * Selects the tfjs backend once per process: WebAssembly (measured ~25x the pure-JS CPU
 * backend on matmul) with the CPU backend as a fallback when the wasm binary cannot be
 * loaded. Returns the backend name.
 */
export function initTensorflow(): Promise<string> {
  initialised ??= (async () => {
    registerWasmSegmentSum();
    registerWasmGather();
    setWasmPaths(wasmDir.href);
    try {
      if (await tf.setBackend("wasm")) return "wasm";
    } catch (error) {
      console.warn(`tfjs wasm backend unavailable, using cpu: ${error}`);
    }
    await tf.setBackend("cpu");
    return "cpu";
  })();
  return initialised;
}
