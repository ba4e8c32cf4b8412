import { createRoute } from "@hono/zod-openapi";
import { errorResponse, jsonResponse, unauthorizedResponse } from "../../http/error_schema.ts";
import {
  clientIdExample,
  seedExamples,
  SeedFeatures,
  SeedModelInfo,
  SeedPrediction,
  SeedPredictRequest,
  SeedRoot,
  seedTag,
} from "./seed.schemas.ts";

const shapes = "`{ client_id }`, `{ age, income, tenure }` or the five-field payload " +
  "(`tenure`, `monthly_charges`, `total_charges`, `contract_type`, `payment_method`)";

const notLoaded = errorResponse("The churn model is not loaded");

/** `GET /`: status, the active churn model, and where the documentation is. */
export const root = createRoute({
  method: "get",
  path: "/",
  tags: [seedTag],
  summary: "The seed services' root: status, model, version, link to /docs",
  // A status page, like /health: answered without a key.
  security: [],
  responses: { 200: jsonResponse(SeedRoot, "Status") },
});

/** `POST /predict`: churn of a stored customer or of given features, told apart by shape. */
export const predict = createRoute({
  method: "post",
  path: "/predict",
  tags: [seedTag],
  summary: "Churn of a stored customer (`client_id`) or of the given features",
  description: `The body is one of ${shapes}. A \`client_id\` is read from the customers ` +
    "table and the prediction traced against it; fields left out are filled in by the " +
    "model's preprocessing and named in `imputed`. Any other body is a 422 naming the shapes.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: SeedPredictRequest,
          examples: { ...seedExamples, client_id: clientIdExample },
        },
      },
    },
  },
  responses: {
    200: jsonResponse(SeedPrediction, "The prediction, with `prediction_id`"),
    401: unauthorizedResponse,
    404: errorResponse("Unknown customer"),
    422: errorResponse("A body of no accepted shape, or an invalid field (named)"),
    503: errorResponse("The churn model is not loaded, or the database did not answer", {
      codes: ["model_not_ready", "database_unavailable"],
    }),
  },
});

/** `POST /predict_raw`: churn of the given features. */
export const predictRaw = createRoute({
  method: "post",
  path: "/predict_raw",
  tags: [seedTag],
  summary: "Churn of the given features",
  description: "The five-field payload or `{ age, income, tenure }`; fields left out are " +
    "filled in by the model's preprocessing and named in `imputed`.",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: SeedFeatures, examples: seedExamples } },
    },
  },
  responses: {
    200: jsonResponse(SeedPrediction, "The prediction, with `prediction_id`"),
    401: unauthorizedResponse,
    422: errorResponse("A body of no accepted shape, or an invalid field (named)"),
    503: notLoaded,
  },
});

/** `GET /model-info`: the active churn model. */
export const modelInfo = createRoute({
  method: "get",
  path: "/model-info",
  tags: [seedTag],
  summary: "The active churn model: version, test metrics, threshold, training date",
  responses: {
    200: jsonResponse(SeedModelInfo, "The active model"),
    401: unauthorizedResponse,
    503: notLoaded,
  },
});
