import { createRouter } from "../../app/create_router.ts";
import { fieldErrors } from "../../app/field_errors.ts";
import { DomainError, InvalidInputError, NotFoundError } from "../../errors.ts";
import { catalog } from "../../models/catalog.ts";
import type { ModelRegistry } from "../../serving/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import {
  inputMetadata,
  instancesFromTensors,
  outputTensors,
} from "../../serving/inference_tensors.ts";
import type { ServedModel } from "../../serving/served_model.ts";
import { requireModel } from "../models/models_router.ts";
import { product } from "../../product.ts";
import {
  latestModelRoutes,
  live,
  ready,
  serverMetadata,
  versionedModelRoutes,
} from "./v2_routes.ts";
import type { InferRequest } from "./v2_schemas.ts";

/** The champion a V2 path names: 404 for an unknown model or, when pinned, another version. */
function servedFor(
  registry: ModelRegistry,
  { name, version }: { name: string; version?: string },
): ServedModel {
  const served = requireModel(registry, name);
  if (version !== undefined && version !== served.version) {
    throw new DomainError(
      404,
      "not_found",
      `Model "${name}" serves version ${served.version}, not ${version}`,
    );
  }
  return served;
}

/** V2 model metadata of the version served: its tensors, one per input field and two per head. */
function modelMetadata(served: ServedModel) {
  const { codec, serving } = served.entry;
  return {
    name: served.name,
    versions: [served.version],
    platform: "tensorflow-js",
    inputs: inputMetadata(serving.input),
    outputs: codec.heads.flatMap((head) => [
      { name: `${head.name}_label`, datatype: "BYTES", shape: [-1] },
      { name: `${head.name}_probabilities`, datatype: "FP32", shape: [-1, head.classes.length] },
    ]),
  };
}

/** Validates the column tensors into instances and scores them (422 for bad values). */
function inferResponse(
  served: ServedModel,
  request: InferRequest,
  deps: { registry: ModelRegistry; sink: ScoringSink; maxBatch: number; requestId: string },
) {
  const instances = instancesFromTensors(request.inputs);
  if (instances.length === 0 || instances.length > deps.maxBatch) {
    const expected = `must hold 1 to ${deps.maxBatch} instances (the length of each tensor)`;
    throw new InvalidInputError(`The inputs ${expected}`, [{ path: "inputs", message: expected }]);
  }
  const parsed = instances.map((instance) => served.entry.serving.input.safeParse(instance));
  const fields = parsed.flatMap((result, row) =>
    result.success ? [] : fieldErrors(result.error.issues, ["instances", row])
  );
  if (fields.length > 0) throw new InvalidInputError("Request is invalid", fields);
  const validated = parsed.map((result) => result.data as Record<string, unknown>);
  const predictions = predict(deps.registry, deps.sink, served, validated, {
    requestId: deps.requestId,
  });
  return {
    model_name: served.name,
    model_version: served.version,
    ...(request.id === undefined ? {} : { id: request.id }),
    outputs: outputTensors(served.entry.codec.heads, predictions),
  };
}

/**
 * Open Inference Protocol (V2): server metadata and health, and per model metadata, readiness
 * and inference.
 */
export function v2Router(registry: ModelRegistry, sink: ScoringSink, maxBatch: number) {
  const router = createRouter()
    .openapi(serverMetadata, (c) => c.json({ ...product, extensions: [] }, 200))
    .openapi(live, (c) => c.json({ live: true }, 200))
    .openapi(ready, (c) => {
      const isReady = registry.status().every((s) => s.champion);
      return isReady ? c.json({ ready: true }, 200) : c.json({ ready: false }, 503);
    });
  for (const routes of [latestModelRoutes, versionedModelRoutes]) {
    router
      .openapi(
        routes.metadata,
        (c) => c.json(modelMetadata(servedFor(registry, c.req.valid("param"))), 200),
      )
      .openapi(routes.ready, (c) => {
        const params: { name: string; version?: string } = c.req.valid("param");
        if (!Object.hasOwn(catalog, params.name)) throw new NotFoundError("model", params.name);
        if (!registry.champion(params.name)) {
          return c.json({ name: params.name, ready: false }, 503);
        }
        servedFor(registry, params); // 404 when the path pins another version
        return c.json({ name: params.name, ready: true }, 200);
      })
      .openapi(routes.infer, (c) => {
        const served = servedFor(registry, c.req.valid("param"));
        const requestId = c.get("requestId");
        return c.json(
          inferResponse(served, c.req.valid("json"), { registry, sink, maxBatch, requestId }),
          200,
        );
      });
  }
  return router;
}
