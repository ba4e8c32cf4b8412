import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, jsonResponse, unauthorizedResponse } from "../../http/error_schema.ts";
import { ModelName } from "../models/models.routes.ts";
import {
  InferRequest,
  InferResponse,
  Live,
  ModelMetadata,
  ModelReady,
  Ready,
  ServerMetadata,
} from "./v2.schemas.ts";

/** `GET /v2`: server metadata. */
export const serverMetadata = createRoute({
  method: "get",
  path: "/v2",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Server metadata: name, version, protocol extensions (none)",
  responses: {
    200: jsonResponse(ServerMetadata, "Server metadata"),
    401: unauthorizedResponse,
  },
});

/** `GET /v2/health/live`. */
export const live = createRoute({
  method: "get",
  path: "/v2/health/live",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Server liveness",
  // Probes carry no key: like /health, it answers without one when API keys are configured.
  security: [],
  responses: { 200: jsonResponse(Live, "Live") },
});

/** `GET /v2/health/ready`: every configured model loaded. */
export const ready = createRoute({
  method: "get",
  path: "/v2/health/ready",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Server readiness (every configured model loaded)",
  security: [],
  responses: {
    200: jsonResponse(Ready, "Ready"),
    503: jsonResponse(Ready, "Not ready"),
  },
});

/** `{name}` and `{version}` of the versioned V2 paths. */
const ModelVersion = ModelName.extend({
  version: z.string().openapi({
    param: { name: "version", in: "path" },
    example: "20261122T042440Z-6dfaa8e2",
  }),
});

/**
 * The per-model V2 routes, at `/v2/models/{name}` or, `versioned`, at
 * `/v2/models/{name}/versions/{version}`: a client pinning a version gets 404 unless it is
 * the one served.
 */
function modelRoutes(versioned: boolean) {
  const base = versioned ? "/v2/models/{name}/versions/{version}" : "/v2/models/{name}";
  const params = versioned ? ModelVersion : ModelName;
  const of = versioned ? " (of the version served)" : "";
  const unknown = errorResponse(
    versioned ? "Unknown model, or not the version served" : "Unknown model",
  );
  const tags = ["Open Inference Protocol (V2)"];
  return {
    metadata: createRoute({
      method: "get",
      path: base,
      tags,
      summary: `Model metadata${of}: versions, input and output tensors`,
      request: { params },
      responses: {
        200: jsonResponse(ModelMetadata, "Metadata"),
        401: unauthorizedResponse,
        404: unknown,
        503: errorResponse("Model not loaded"),
      },
    }),
    ready: createRoute({
      method: "get",
      path: `${base}/ready`,
      tags,
      summary: `Model readiness${of}`,
      request: { params },
      responses: {
        200: jsonResponse(ModelReady, "Ready"),
        401: unauthorizedResponse,
        404: unknown,
        503: jsonResponse(ModelReady, "Not loaded"),
      },
    }),
    infer: createRoute({
      method: "post",
      path: `${base}/infer`,
      tags,
      summary: `Inference${of} with named column tensors, one per input field, all of shape [n]`,
      request: {
        params,
        body: { required: true, content: { "application/json": { schema: InferRequest } } },
      },
      responses: {
        200: jsonResponse(
          InferResponse,
          "Per head `<head>_label` and `<head>_probabilities`, and `prediction_id`",
        ),
        401: unauthorizedResponse,
        404: unknown,
        422: errorResponse("Invalid tensors or values"),
        503: errorResponse("Model not loaded"),
      },
    }),
  };
}

/** The per-model routes at `/v2/models/{name}`: the version served, whichever it is. */
export const latestModelRoutes = modelRoutes(false);
/** The per-model routes at `/v2/models/{name}/versions/{version}`. */
export const versionedModelRoutes = modelRoutes(true);
