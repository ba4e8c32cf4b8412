import { createRoute, z } from "@hono/zod-openapi";
import { jsonResponse } from "../../http/error_schema.ts";
import { ModelName } from "../models/models.routes.ts";
import {
  InferRequest,
  InferResponse,
  Live,
  ModelMetadata,
  ModelReady,
  Ready,
  ServerMetadata,
  V2Error,
} from "./v2.schemas.ts";

/** A V2 error response: the protocol's `{ "error": "<message>" }`, with an example message. */
function v2Error(description: string, message: string) {
  return {
    content: { "application/json": { schema: V2Error, example: { error: message } } },
    description,
  };
}

const unauthorized = v2Error(
  "Missing or invalid API key",
  "Missing or invalid API key (Authorization: Bearer <key>)",
);
const notLoaded = v2Error("Model not loaded", 'Model "churn" is not loaded');

/** `GET /v2`: server metadata. */
export const serverMetadata = createRoute({
  method: "get",
  path: "/v2",
  tags: ["Open Inference Protocol (V2)"],
  summary: "Server metadata: name, version, protocol extensions (binary tensor data)",
  responses: {
    200: jsonResponse(ServerMetadata, "Server metadata"),
    401: unauthorized,
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
  const unknown = v2Error(
    versioned ? "Unknown model, or not the version served" : "Unknown model",
    'Unknown model "nope"',
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
        401: unauthorized,
        404: unknown,
        503: notLoaded,
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
        401: unauthorized,
        404: unknown,
        503: jsonResponse(ModelReady, "Not loaded"),
      },
    }),
    infer: createRoute({
      method: "post",
      path: `${base}/infer`,
      tags,
      summary: `Inference${of} with named column tensors, one per input field, of shape [n]`,
      description: "The body is read as JSON whatever its content type. With the binary " +
        "tensor data extension, `Inference-Header-Content-Length` gives the JSON header's " +
        "length and the inputs' bytes follow it; outputs come back in binary when the request " +
        "asks (`parameters.binary_data_output`, or an output's `parameters.binary_data`).",
      request: {
        params,
        headers: z.object({
          "inference-header-content-length": z.string().regex(/^\d{1,9}$/).optional()
            .describe("Length of the JSON header of a binary tensor data body"),
        }),
        body: { required: true, content: { "application/json": { schema: InferRequest } } },
      },
      responses: {
        200: {
          content: {
            "application/json": { schema: InferResponse },
            "application/octet-stream": {
              schema: z.string().openapi({ format: "binary" }),
            },
          },
          headers: z.object({
            "inference-header-content-length": z.string().optional().describe(
              "Binary outputs: the length of the JSON header the outputs' bytes follow",
            ),
          }),
          description: "Per head `<head>_label` and `<head>_probabilities`, and " +
            "`prediction_id`; the JSON header and the binary outputs when any was asked so",
        },
        400: v2Error(
          "Malformed body, invalid tensors or values",
          "Request is invalid: inputs.0.shape: Too big: expected array to have <=2 items",
        ),
        401: unauthorized,
        404: unknown,
        413: v2Error("Body too large", "Body larger than 1048576 bytes"),
        503: notLoaded,
      },
    }),
  };
}

/** The per-model routes at `/v2/models/{name}`: the version served, whichever it is. */
export const latestModelRoutes = modelRoutes(false);
/** The per-model routes at `/v2/models/{name}/versions/{version}`. */
export const versionedModelRoutes = modelRoutes(true);
