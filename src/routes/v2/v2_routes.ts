import { createRoute } from "@hono/zod-openapi";
import { errorResponse, jsonResponse } from "../../app/error_schema.ts";
import { ModelName } from "../models/models_schemas.ts";
import { InferRequest, InferResponse, Live, ModelMetadata, Ready } from "./v2_schemas.ts";

export const live = createRoute({
  method: "get",
  path: "/v2/health/live",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Server liveness",
  responses: { 200: jsonResponse(Live, "Live"), 401: errorResponse("Missing or invalid API key") },
});

export const ready = createRoute({
  method: "get",
  path: "/v2/health/ready",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Server readiness (every configured model loaded)",
  responses: {
    200: jsonResponse(Ready, "Ready"),
    401: errorResponse("Missing or invalid API key"),
    503: jsonResponse(Ready, "Not ready"),
  },
});

export const metadata = createRoute({
  method: "get",
  path: "/v2/models/{name}",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Model metadata: versions, input and output tensors",
  request: { params: ModelName },
  responses: {
    200: jsonResponse(ModelMetadata, "Metadata"),
    401: errorResponse("Missing or invalid API key"),
    404: errorResponse("Unknown model"),
    503: errorResponse("Model not loaded"),
  },
});

export const infer = createRoute({
  method: "post",
  path: "/v2/models/{name}/infer",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Inference with named column tensors, one per input field, all of shape [n]",
  request: {
    params: ModelName,
    body: { required: true, content: { "application/json": { schema: InferRequest } } },
  },
  responses: {
    200: jsonResponse(
      InferResponse,
      "Per head `<head>_label` and `<head>_probabilities`, and `prediction_id`",
    ),
    401: errorResponse("Missing or invalid API key"),
    404: errorResponse("Unknown model"),
    413: errorResponse("Body too large"),
    422: errorResponse("Invalid tensors or values"),
    503: errorResponse("Model not loaded"),
  },
});
