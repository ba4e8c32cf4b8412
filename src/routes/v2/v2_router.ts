import { createRouter } from "../../app/create_router.ts";
import { fieldErrors } from "../../app/field_errors.ts";
import { DomainError } from "../../errors.ts";
import type { ModelRegistry } from "../../serving/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { PredictionSink } from "../../serving/prediction_sink.ts";
import {
  inputMetadata,
  instancesFromTensors,
  outputTensors,
} from "../../serving/inference_tensors.ts";
import { requireModel } from "../models/models_router.ts";
import { infer, live, metadata, ready } from "./v2_routes.ts";

/** Open Inference Protocol (V2): health, model metadata, infer. */
export function v2Router(registry: ModelRegistry, sink: PredictionSink, maxBatch: number) {
  return createRouter()
    .openapi(live, (c) => c.json({ live: true }, 200))
    .openapi(ready, (c) => {
      const isReady = registry.status().every((s) => s.champion);
      return isReady ? c.json({ ready: true }, 200) : c.json({ ready: false }, 503);
    })
    .openapi(metadata, (c) => {
      const served = requireModel(registry, c.req.valid("param").name);
      const { codec, serving } = served.entry;
      return c.json({
        name: served.name,
        versions: [served.version],
        platform: "tensorflow-js",
        inputs: inputMetadata(serving.input),
        outputs: codec.heads.flatMap((head) => [
          { name: `${head.name}_label`, datatype: "BYTES", shape: [-1] },
          {
            name: `${head.name}_probabilities`,
            datatype: "FP32",
            shape: [-1, head.classes.length],
          },
        ]),
      }, 200);
    })
    .openapi(infer, (c) => {
      const served = requireModel(registry, c.req.valid("param").name);
      const request = c.req.valid("json");
      const instances = instancesFromTensors(request.inputs);
      if (instances.length === 0 || instances.length > maxBatch) {
        throw new DomainError(422, "invalid_input", `A request holds 1 to ${maxBatch} instances`);
      }
      const fields = instances.flatMap((instance, row) => {
        const parsed = served.entry.serving.input.safeParse(instance);
        return parsed.success ? [] : fieldErrors(parsed.error.issues, ["instances", row]);
      });
      if (fields.length > 0) {
        throw new DomainError(422, "invalid_input", "Request is invalid", { fields });
      }
      const validated = instances.map((i) =>
        served.entry.serving.input.parse(i) as Record<string, unknown>
      );
      const predictions = predict(registry, sink, served, validated, {
        requestId: c.get("requestId"),
      });
      return c.json({
        model_name: served.name,
        model_version: served.version,
        ...(request.id ? { id: request.id } : {}),
        outputs: outputTensors(served.entry.codec.heads, predictions),
      }, 200);
    });
}
