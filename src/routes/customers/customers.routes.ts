import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, unauthorizedResponse } from "../../http/error_schema.ts";
import { storable } from "../../db/mod.ts";
import { ChurnInput } from "../../models/churn/schema.ts";
import { ChurnPrediction } from "../../models/churn/serving.ts";

const CustomerChurn = ChurnPrediction.and(z.object({
  prediction_id: z.uuid(),
  customer_id: z.string(),
  model: z.string(),
  version: z.string(),
  features: ChurnInput,
})).openapi("CustomerChurn");

/** `POST /v1/customers/{id}/churn`: churn predicted from the customer's stored features. */
export const churnById = createRoute({
  method: "post",
  path: "/v1/customers/{id}/churn",
  tags: ["Customers"],
  summary: "Predict churn from the customer's stored features",
  request: {
    params: z.object({
      id: storable(z.string().min(1).max(100)).openapi({
        param: { name: "id", in: "path" },
        example: "C000042",
      }),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: CustomerChurn } }, description: "Prediction" },
    401: unauthorizedResponse,
    404: errorResponse("Unknown customer"),
    422: errorResponse("The id is longer than 100 characters, or holds U+0000"),
    503: errorResponse("The churn model is not loaded, or the database did not answer", {
      codes: ["model_not_ready", "database_unavailable"],
    }),
  },
});
