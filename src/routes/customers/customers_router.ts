import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../app/create_router.ts";
import { fromDatabase } from "../../app/database_errors.ts";
import { errorResponse } from "../../app/error_schema.ts";
import type { Database } from "../../db/client.ts";
import { storable } from "../../db/storable_text.ts";
import {
  findCustomer,
  findCustomerFeatures,
  upsertCustomerFeatures,
} from "../../db/repositories/customers.ts";
import { NotFoundError } from "../../errors.ts";
import { customerFeatureValues } from "../../models/churn/customer_features.ts";
import { ChurnInput } from "../../models/churn/schema.ts";
import { ChurnPrediction, churnServing } from "../../models/churn/serving.ts";
import type { ModelRegistry } from "../../serving/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import { requireModel } from "../models/models_router.ts";

const CustomerChurn = ChurnPrediction.and(z.object({
  prediction_id: z.uuid(),
  customer_id: z.string(),
  model: z.string(),
  version: z.string(),
  features: ChurnInput,
})).openapi("CustomerChurn");

const churnById = createRoute({
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
    401: errorResponse("Missing or invalid API key"),
    404: errorResponse("Unknown customer"),
    422: errorResponse("The id is longer than 100 characters, or holds U+0000"),
    503: errorResponse("The churn model is not loaded, or the database did not answer", {
      codes: ["model_not_ready", "database_unavailable"],
    }),
  },
});

/** Stored features, computed from the customer row (and stored) when missing. */
async function featuresOf(db: Database, id: string): Promise<ChurnInput> {
  const stored = await findCustomerFeatures(db, id);
  if (stored) return ChurnInput.parse(stored.features);
  const customer = await findCustomer(db, id);
  if (!customer) throw new NotFoundError("customer", id);
  const values = customerFeatureValues(customer);
  await upsertCustomerFeatures(db, [{ customerId: id, ...values }]);
  return values.features;
}

/** `/v1/customers`: churn by customer id. */
export function customersRouter(db: Database, registry: ModelRegistry, sink: ScoringSink) {
  return createRouter().openapi(churnById, async (c) => {
    const { id } = c.req.valid("param");
    const served = requireModel(registry, churnServing.name);
    const features = await fromDatabase(() => featuresOf(db, id));
    const [prediction] = predict(registry, sink, served, [features], {
      requestId: c.get("requestId"),
      customerId: id,
    });
    return c.json({
      prediction_id: prediction.predictionId,
      ...(churnServing.respond(prediction.outputs, served.threshold) as z.infer<
        typeof ChurnPrediction
      >),
      customer_id: id,
      model: served.name,
      version: served.version,
      features,
    }, 200);
  });
}
