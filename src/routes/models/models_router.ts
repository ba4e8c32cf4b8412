import { createRouter } from "../../app/create_router.ts";
import { DomainError, NotFoundError, unavailableMessages } from "../../errors.ts";
import { catalog } from "../../models/catalog.ts";
import type { ModelRegistry } from "../../serving/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type { ServedModel } from "../../serving/served_model.ts";
import { getModel, listModels, predictRoute } from "./models_routes.ts";

/** The served champion of `name`: 404 for an unknown model, 503 while it is not loaded. */
export function requireModel(registry: ModelRegistry, name: string): ServedModel {
  if (!Object.hasOwn(catalog, name)) throw new NotFoundError("model", name);
  const served = registry.champion(name);
  if (!served) {
    const problem = registry.status().find((s) => s.name === name)?.problem;
    throw new DomainError(
      503,
      "model_not_ready",
      `${unavailableMessages.model_not_ready(name)}${problem ? `: ${problem}` : ""}`,
    );
  }
  return served;
}

function modelInfo(registry: ModelRegistry, served: ServedModel) {
  const { threshold } = served;
  return {
    name: served.name,
    version: served.version,
    ...(registry.challenger(served.name)
      ? { challenger: registry.challenger(served.name)!.version }
      : {}),
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

/** `/v1/models`: list, describe, predict. */
export function modelsRouter(registry: ModelRegistry, sink: ScoringSink, maxBatch: number) {
  const router = createRouter()
    .openapi(
      listModels,
      (c) => c.json({ models: registry.servedChampions().map((s) => modelInfo(registry, s)) }, 200),
    )
    .openapi(
      getModel,
      (c) => c.json(modelInfo(registry, requireModel(registry, c.req.valid("param").name)), 200),
    );
  for (const { serving } of Object.values(catalog)) {
    router.openapi(predictRoute(serving, maxBatch), (c) => {
      const served = requireModel(registry, serving.name);
      const body = c.req.valid("json") as Record<string, unknown>;
      const batch = Array.isArray(body.instances);
      const inputs = (batch ? body.instances : [body]) as Record<string, unknown>[];
      const predictions = predict(registry, sink, served, inputs, { requestId: c.get("requestId") })
        .map(({ predictionId, outputs }) => ({
          prediction_id: predictionId,
          ...serving.respond(outputs, served.threshold),
        }));
      const envelope = { model: served.name, version: served.version };
      return c.json(batch ? { ...envelope, predictions } : { ...predictions[0], ...envelope }, 200);
    });
  }
  return router;
}
