import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, unauthorizedResponse } from "../../http/error_schema.ts";
import type { ServingSpec } from "../../domain/serving_spec.ts";

/** Test metrics of one head of a served version. */
const HeadMetrics = z.object({
  accuracy: z.number(),
  macro_f1: z.number(),
  roc_auc: z.number().optional(),
  log_loss: z.number(),
});

/** A served model version, as `GET /v1/models` lists it. */
const ModelInfo = z.object({
  name: z.string().openapi({ example: "churn" }),
  version: z.string().openapi({ example: "20261122T042440Z-6dfaa8e2" }),
  challenger: z.string().optional(),
  data_hash: z.string().describe("md5 of the training data file"),
  model_hash: z.string().openapi({ example: "0b1f7e3f8a5c2d4e6f708192a3b4c5d6.dir" }).describe(
    "DVC hash of the version's folder, models/<name>/<version>: what `dvc add` would record",
  ),
  metrics: z.record(z.string(), HeadMetrics),
  threshold: z.number().optional(),
  classes: z.record(z.string(), z.array(z.string())),
  trained_at: z.string(),
  loaded_at: z.string(),
}).openapi("ModelInfo");

const ModelList = z.object({ models: z.array(ModelInfo) }).openapi("ModelList");

/** The `{name}` path parameter of a model's routes (V1 and V2). */
export const ModelName = z.object({
  name: z.string().openapi({ param: { name: "name", in: "path" }, example: "ticket-triage" }),
});

/** Common fields of a prediction response. */
const predictionEnvelope = {
  prediction_id: z.uuid().describe("Send it back to POST /v1/feedback with the true label"),
};

const errors = {
  401: unauthorizedResponse,
  404: errorResponse("Unknown model"),
  503: errorResponse("The model is not loaded yet"),
};

/** `GET /v1/models`: every served champion. */
export const listModels = createRoute({
  method: "get",
  path: "/v1/models",
  tags: ["Model serving"],
  summary: "Served model versions with their metrics",
  responses: {
    200: { content: { "application/json": { schema: ModelList } }, description: "Served models" },
    401: errors[401],
  },
});

/** `GET /v1/models/{name}`: one served champion. */
export const getModel = createRoute({
  method: "get",
  path: "/v1/models/{name}",
  tags: ["Model serving"],
  summary: "One served model version",
  request: { params: ModelName },
  responses: {
    200: { content: { "application/json": { schema: ModelInfo } }, description: "The model" },
    ...errors,
  },
});
/** `POST /v1/models/<name>/predict` for one model, with its own request and response schemas. */
export function predictRoute(spec: ServingSpec, maxBatch: number) {
  const single = spec.output.and(z.object({
    ...predictionEnvelope,
    model: z.string(),
    version: z.string(),
  }));
  const batch = z.object({
    model: z.string(),
    version: z.string(),
    predictions: z.array(spec.output.and(z.object(predictionEnvelope))),
  });
  return createRoute({
    method: "post",
    path: `/v1/models/${spec.name}/predict`,
    tags: ["Model serving"],
    summary: spec.summary,
    description: `One instance, or \`{ "instances": [...] }\` with at most ${maxBatch} instances.`,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.union([
              z.object({ instances: z.array(spec.input).min(1).max(maxBatch) }),
              spec.input,
            ]),
            // Named, so the docs offer both shapes and send the single instance first.
            examples: {
              one: { summary: "One instance", value: spec.example },
              batch: {
                summary: `A batch (at most ${maxBatch} instances)`,
                value: { instances: [spec.example, spec.example] },
              },
            },
          },
        },
      },
    },
    responses: {
      200: {
        content: { "application/json": { schema: z.union([single, batch]) } },
        description: "Predictions, each with a `prediction_id`",
      },
      401: errors[401],
      422: errorResponse("Invalid input; `details.fields` lists each bad field"),
      503: errors[503],
    },
  });
}
