import type { AppRouteHandler, AppRouteHandlers } from "../../http/create_router.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type { ServedModel } from "../../serving/registry/served_model.ts";
import type { ServingSpec } from "../../domain/serving_spec.ts";
import { needsReview } from "../../serving/review.ts";
import type * as routes from "./models.routes.ts";

/** A served version as `/v1/models` describes it: hashes, test metrics, classes, dates. */
function modelInfo(registry: ModelRegistry, served: ServedModel) {
  const { threshold } = served;
  const challenger = registry.challenger(served.name);
  return {
    name: served.name,
    version: served.version,
    ...(challenger ? { challenger: challenger.version } : {}),
    data_hash: served.card.data_hash,
    model_hash: served.modelHash,
    metrics: Object.fromEntries(served.metrics.heads.map((h) => [h.head, {
      accuracy: h.model.accuracy,
      macro_f1: h.model.macro.f1,
      ...(h.model.rocAuc === undefined ? {} : { roc_auc: h.model.rocAuc }),
      log_loss: h.model.logLoss,
    }])),
    ...(threshold === undefined ? {} : { threshold }),
    classes: Object.fromEntries(served.entry.codec.heads.map((h) => [h.name, [...h.classes]])),
    trained_at: served.card.created_at,
    loaded_at: served.loadedAt.toISOString(),
  };
}

/** The handler of one model's predict route: one instance, or a batch under `instances`. */
function predictHandler(
  registry: ModelRegistry,
  sink: ScoringSink,
  serving: ServingSpec,
  reviewPrecision: number,
): AppRouteHandler<ReturnType<typeof routes.predictRoute>> {
  return (c) => {
    const served = registry.require(serving.name);
    const body = c.req.valid("json") as Record<string, unknown>;
    const batch = Array.isArray(body.instances);
    const inputs = (batch ? body.instances : [body]) as Record<string, unknown>[];
    const predictions = predict(registry, sink, served, inputs, { requestId: c.get("requestId") })
      .map(({ predictionId, outputs }) => ({
        prediction_id: predictionId,
        ...serving.respond(
          outputs,
          served.threshold,
          needsReview(served, outputs, reviewPrecision),
        ),
      }));
    const envelope = { model: served.name, version: served.version };
    return c.json(batch ? { ...envelope, predictions } : { ...predictions[0], ...envelope }, 200);
  };
}

/**
 * The models handlers: list and describe the served versions, and predict per model
 * (`reviewPrecision`: the target precision behind `needs_review`).
 */
export function modelsHandlers(
  registry: ModelRegistry,
  sink: ScoringSink,
  reviewPrecision: number,
) {
  const handlers: AppRouteHandlers<typeof routes> = {
    listModels: (c) =>
      c.json({ models: registry.servedChampions().map((s) => modelInfo(registry, s)) }, 200),
    getModel: (c) => c.json(modelInfo(registry, registry.require(c.req.valid("param").name)), 200),
  };
  return {
    ...handlers,
    predict: (serving: ServingSpec) => predictHandler(registry, sink, serving, reviewPrecision),
  };
}
