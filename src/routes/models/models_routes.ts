import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse } from "../../app/error_schema.ts";
import type { ServingSpec } from "../../domain/serving_spec.ts";
import { ModelInfo, ModelList, ModelName, predictionEnvelope } from "./models_schemas.ts";

const errors = {
  401: errorResponse("Missing or invalid API key"),
  404: errorResponse("Unknown model"),
  503: errorResponse("The model is not loaded yet"),
};

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
