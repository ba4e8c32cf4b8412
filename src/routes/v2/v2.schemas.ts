import { z } from "@hono/zod-openapi";

/** Open Inference Protocol (V2) tensor. */
const Tensor = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  datatype: z.enum(["BYTES", "FP32", "FP64", "INT32", "INT64", "BOOL"]),
  data: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/** An input: one column per field, shape `[n]` for n instances (n the same for every input). */
const InputTensor = Tensor.extend({
  name: z.string().min(1).max(100),
  shape: z.array(z.number().int().min(1)).length(1),
});

/** An inference request: named column tensors, one per input field. */
export const InferRequest = z.object({
  id: z.string().max(200).optional(),
  inputs: z.array(InputTensor).min(1).max(64),
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
  example: { name: "edge-inference", version: "0.1.0", extensions: [] },
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
