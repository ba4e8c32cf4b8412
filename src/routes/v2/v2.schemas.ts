import { z } from "@hono/zod-openapi";
import { tensorDatatypes } from "../../serving/inference_tensors.ts";

/** Protocol parameters (of a request, an input or an output): read, and ignored unless named. */
const Parameters = z.record(z.string(), z.unknown());

/** Open Inference Protocol (V2) tensor. */
const Tensor = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  datatype: z.enum(tensorDatatypes),
  parameters: Parameters.optional(),
  data: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/**
 * An input: one column per field, shape `[n]` or `[n, 1]` for n instances (n the same for
 * every input). With the binary extension `data` is left out and
 * `parameters.binary_data_size` gives its byte count in the body after the JSON.
 */
const InputTensor = Tensor.extend({
  name: z.string().min(1).max(100),
  shape: z.array(z.number().int().min(1)).min(1).max(2),
});

/** An output asked for by name; `parameters.binary_data` sends its data in binary. */
const RequestedOutput = z.object({
  name: z.string().min(1).max(100),
  parameters: Parameters.optional(),
});

/** An inference request: named column tensors, one per input field. */
export const InferRequest = z.object({
  id: z.string().max(200).optional(),
  parameters: Parameters.optional().describe(
    "`binary_data_output: true` sends every output in binary (the binary tensor data extension)",
  ),
  inputs: z.array(InputTensor).min(1).max(64),
  outputs: z.array(RequestedOutput).max(16).optional().describe(
    "The outputs to return (all when absent)",
  ),
}).openapi("InferRequest", {
  example: {
    id: "42",
    inputs: [
      { name: "tenure", shape: [1], datatype: "INT32", data: [12] },
      { name: "monthly_charges", shape: [1], datatype: "FP32", data: [65.5] },
      { name: "total_charges", shape: [1], datatype: "FP32", data: [786] },
      { name: "contract_type", shape: [1], datatype: "BYTES", data: ["Month-to-month"] },
      { name: "payment_method", shape: [1], datatype: "BYTES", data: ["Electronic check"] },
    ],
  },
});

/** An inference response: per head a label tensor and a probabilities tensor. */
export const InferResponse = z.object({
  model_name: z.string(),
  model_version: z.string(),
  id: z.string().optional(),
  outputs: z.array(Tensor),
}).openapi("InferResponse");

const TensorMetadata = z.object({
  name: z.string(),
  datatype: z.string(),
  shape: z.array(z.number().int()),
});

/** A model's versions and its input and output tensors. */
export const ModelMetadata = z.object({
  name: z.string(),
  versions: z.array(z.string()),
  platform: z.string(),
  inputs: z.array(TensorMetadata),
  outputs: z.array(TensorMetadata),
}).openapi("V2ModelMetadata");

/** The server's name, version and protocol extensions. */
export const ServerMetadata = z.object({
  name: z.string(),
  version: z.string(),
  extensions: z.array(z.string()),
}).openapi("V2ServerMetadata", {
  example: { name: "edge-inference", version: "0.1.0", extensions: ["binary_tensor_data"] },
});

/** The protocol's error body: what its clients (tritonclient, KServe's) read and print. */
export const V2Error = z.object({ error: z.string() }).openapi("V2Error", {
  example: { error: 'Unknown model "nope"' },
});

/** Server liveness. */
export const Live = z.object({ live: z.boolean() }).openapi("V2Live");
/** Server readiness. */
export const Ready = z.object({ ready: z.boolean() }).openapi("V2Ready");
/** One model's readiness. */
export const ModelReady = z.object({ name: z.string(), ready: z.boolean() })
  .openapi("V2ModelReady");

/** A validated inference request. */
export type InferRequest = z.infer<typeof InferRequest>;
