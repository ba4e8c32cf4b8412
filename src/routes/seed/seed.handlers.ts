import type { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppRouteHandlers } from "../../http/create_router.ts";
import { fromDatabase } from "../../http/database_errors.ts";
import type { Database } from "../../db/mod.ts";
import { missingFeatures } from "../../models/churn/preprocessing.ts";
import type { ChurnFeatures } from "../../models/churn/schema.ts";
import { churnServing } from "../../models/churn/serving.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type { ServedModel } from "../../serving/registry/served_model.ts";
import { storedChurnFeatures } from "../customers/customers.handlers.ts";
import { shapeError } from "./seed.schemas.ts";
import type * as routes from "./seed.routes.ts";

/** What the seed routes need: the customers, the served churn model, the prediction log. */
export interface SeedDependencies {
  db: Database;
  registry: ModelRegistry;
  sink: ScoringSink;
}

/**
 * Ahead of a seed route's own validation: a JSON body of no accepted shape is answered by
 * {@link shapeError} (the closest shape's field errors, or the shapes accepted). Anything
 * else (malformed JSON, another content type, other methods) goes on to the route.
 */
export function shapeCheck(schema: z.ZodType, withClientId: boolean): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header("content-type") ?? "";
    if (c.req.method !== "POST" || !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
      return await next();
    }
    // Cached by Hono: the route's validator reads the same parsed body.
    const body = await c.req.json().catch(() => undefined);
    if (body !== undefined && !schema.safeParse(body).success) {
      throw shapeError(body, withClientId);
    }
    await next();
  };
}

/** The seed routes' handlers: the churn model answered in the seeds' own shapes. */
export function seedHandlers(
  { db, registry, sink }: SeedDependencies,
): AppRouteHandlers<typeof routes> {
  /** Scores one customer, logged (against the customer when known), in the seeds' shape. */
  function answer(
    served: ServedModel,
    features: ChurnFeatures,
    requestId: string,
    customer?: { id: string; clientId: string | number },
  ) {
    const [prediction] = predict(registry, sink, served, [features], {
      requestId,
      customerId: customer?.id,
    });
    return {
      ...(churnServing.respond(prediction.outputs, served.threshold) as {
        prediction: 0 | 1;
        probability: number;
        confidence: number;
        threshold: number;
      }),
      prediction_id: prediction.predictionId,
      model: served.name,
      version: served.version,
      imputed: missingFeatures(features),
      ...(customer ? { client_id: customer.clientId } : {}),
    };
  }

  return {
    root: (c) => {
      const served = registry.champion(churnServing.name);
      return c.json({
        status: served ? "ok" as const : "loading" as const,
        model: churnServing.name,
        version: served?.version ?? null,
        docs: "/docs",
      }, 200);
    },
    predict: async (c) => {
      const body = c.req.valid("json");
      // Before the database: a model not loaded answers 503 without a query.
      const served = registry.require(churnServing.name);
      const requestId = c.get("requestId");
      if (!("client_id" in body)) return c.json(answer(served, body, requestId), 200);
      const id = String(body.client_id);
      const features = await fromDatabase(() => storedChurnFeatures(db, id));
      return c.json(answer(served, features, requestId, { id, clientId: body.client_id }), 200);
    },
    predictRaw: (c) => {
      const served = registry.require(churnServing.name);
      return c.json(answer(served, c.req.valid("json"), c.get("requestId")), 200);
    },
    modelInfo: (c) => {
      const served = registry.require(churnServing.name);
      const { model } = served.metrics.heads[0];
      const churned = model.perClass["1"];
      return c.json({
        model: served.name,
        version: served.version,
        metrics: {
          accuracy: model.accuracy,
          precision: churned.precision,
          recall: churned.recall,
          f1: churned.f1,
          roc_auc: model.rocAuc!,
          log_loss: model.logLoss,
        },
        partial_inputs: (served.metrics.inputSubsets ?? []).flatMap((subset) =>
          subset.heads.map((head) => ({
            fields: subset.fields,
            roc_auc: head.rocAuc,
            log_loss: head.logLoss,
          }))
        ),
        threshold: served.threshold ?? 0.5,
        trained_at: served.card.created_at,
      }, 200);
    },
  };
}
