import type { z } from "@hono/zod-openapi";
import type { AppRouteHandlers } from "../../http/create_router.ts";
import { fromDatabase } from "../../http/database_errors.ts";
import {
  type Database,
  findCustomer,
  findCustomerFeatures,
  upsertCustomerFeatures,
} from "../../db/mod.ts";
import { NotFoundError } from "../../domain/errors.ts";
import { customerFeatureValues } from "../../models/churn/customer_features.ts";
import { ChurnInput } from "../../models/churn/schema.ts";
import { type ChurnPrediction, churnServing } from "../../models/churn/serving.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type * as routes from "./customers.routes.ts";

/** Stored features, computed from the customer row (and stored) when missing. */
export async function storedChurnFeatures(db: Database, id: string): Promise<ChurnInput> {
  const stored = await findCustomerFeatures(db, id);
  if (stored) return ChurnInput.parse(stored.features);
  const customer = await findCustomer(db, id);
  if (!customer) throw new NotFoundError("customer", id);
  const values = customerFeatureValues(customer);
  await upsertCustomerFeatures(db, [{ customerId: id, ...values }]);
  return values.features;
}

/** The customers handlers: churn of a stored customer, logged against its id. */
export function customersHandlers(
  db: Database,
  registry: ModelRegistry,
  sink: ScoringSink,
): AppRouteHandlers<typeof routes> {
  return {
    churnById: async (c) => {
      const { id } = c.req.valid("param");
      // Before the database: a model not loaded answers 503 without a query.
      const served = registry.require(churnServing.name);
      const features = await fromDatabase(() => storedChurnFeatures(db, id));
      const [prediction] = predict(registry, sink, served, [features], {
        requestId: c.get("requestId"),
        customerId: id,
      });
      const churn = churnServing.respond(prediction.outputs, served.threshold);
      return c.json({
        prediction_id: prediction.predictionId,
        ...(churn as z.infer<typeof ChurnPrediction>),
        customer_id: id,
        model: served.name,
        version: served.version,
        features,
      }, 200);
    },
  };
}
