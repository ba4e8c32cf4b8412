import type { AppRouteHandlers } from "../../http/create_router.ts";
import { fieldErrors } from "../../http/field_errors.ts";
import { HttpError } from "../../http/http_error.ts";
import { InvalidInputError } from "../../domain/errors.ts";
import { product } from "../../shared/product.ts";
import {
  type InferTensor,
  inputMetadata,
  instancesFromTensors,
  outputTensors,
} from "../../serving/inference_tensors.ts";
import { binaryInferResponse } from "../../serving/binary_tensors.ts";
import { ModelNotReadyError, type ModelRegistry } from "../../serving/registry/model_registry.ts";
import { predict } from "../../serving/predict.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type { ServedModel } from "../../serving/registry/served_model.ts";
import type * as routes from "./v2.routes.ts";
import type { InferRequest } from "./v2.schemas.ts";
import { headerLengthHeader } from "./v2.protocol.ts";

/** What the V2 handlers need: the served models, the prediction log, the batch bound. */
export interface V2Dependencies {
  registry: ModelRegistry;
  sink: ScoringSink;
  maxBatch: number;
}

/** The champion a V2 path names: 404 for an unknown model or, when pinned, another version. */
function servedFor(
  registry: ModelRegistry,
  { name, version }: { name: string; version?: string },
): ServedModel {
  const served = registry.require(name);
  if (version !== undefined && version !== served.version) {
    throw new HttpError(
      404,
      "not_found",
      `Model "${name}" serves version ${served.version}, not ${version}`,
    );
  }
  return served;
}

/** V2 model metadata of the version served: one tensor per input field, two per head, the ids. */
function modelMetadata(served: ServedModel) {
  const { codec, serving } = served.entry;
  return {
    name: served.name,
    versions: [served.version],
    platform: "tensorflow-js",
    inputs: inputMetadata(serving.input),
    outputs: [
      ...codec.heads.flatMap((head) => [
        { name: `${head.name}_label`, datatype: "BYTES", shape: [-1] },
        { name: `${head.name}_probabilities`, datatype: "FP32", shape: [-1, head.classes.length] },
      ]),
      { name: "prediction_id", datatype: "BYTES", shape: [-1] },
    ],
  };
}

/**
 * Which outputs a request asked for (all when it names none; an unknown name is refused
 * before anything is scored), and which go back in binary: an output's own `binary_data`
 * parameter, else the request's `binary_data_output`.
 */
function outputSelection(request: InferRequest, served: ServedModel) {
  const names = modelMetadata(served).outputs.map((output) => output.name);
  const binaryByDefault = request.parameters?.binary_data_output === true;
  const requested = request.outputs ?? names.map((name) => ({ name, parameters: undefined }));
  const fields = requested.flatMap(({ name }, index) =>
    names.includes(name) ? [] : [{
      path: `outputs.${index}.name`,
      message: `Unknown output "${name}"; the outputs are ${names.join(", ")}`,
    }]
  );
  if (fields.length > 0) throw new InvalidInputError("Request is invalid", fields);
  const binary = new Map(requested.map(({ name, parameters }) => [
    name,
    typeof parameters?.binary_data === "boolean" ? parameters.binary_data : binaryByDefault,
  ]));
  return {
    pick: (outputs: InferTensor[]) =>
      requested.map(({ name }) => outputs.find((tensor) => tensor.name === name)!),
    binary: (name: string) => binary.get(name) === true,
  };
}

/** Validates the column tensors into instances and scores them (422 for bad values). */
function inferResponse(
  served: ServedModel,
  request: InferRequest,
  { registry, sink, maxBatch }: V2Dependencies,
  requestId: string,
) {
  const selection = outputSelection(request, served);
  const instances = instancesFromTensors(request.inputs);
  if (instances.length === 0 || instances.length > maxBatch) {
    const expected = `must hold 1 to ${maxBatch} instances (the length of each tensor)`;
    throw new InvalidInputError(`The inputs ${expected}`, [{ path: "inputs", message: expected }]);
  }
  const parsed = instances.map((instance) => served.entry.serving.input.safeParse(instance));
  const fields = parsed.flatMap((result, row) =>
    result.success ? [] : fieldErrors(result.error.issues, ["instances", row])
  );
  if (fields.length > 0) throw new InvalidInputError("Request is invalid", fields);
  const validated = parsed.map((result) => result.data as Record<string, unknown>);
  const predictions = predict(registry, sink, served, validated, { requestId });
  return {
    response: {
      model_name: served.name,
      model_version: served.version,
      ...(request.id === undefined ? {} : { id: request.id }),
      outputs: selection.pick(outputTensors(served.entry.codec.heads, predictions)),
    },
    binary: selection.binary,
  };
}

/** The handlers of the server-wide V2 routes: metadata and health. */
export function v2ServerHandlers(registry: ModelRegistry): AppRouteHandlers<typeof routes> {
  return {
    serverMetadata: (c) => c.json({ ...product, extensions: ["binary_tensor_data"] }, 200),
    live: (c) => c.json({ live: true }, 200),
    ready: (c) =>
      registry.status().every((s) => s.champion)
        ? c.json({ ready: true }, 200)
        : c.json({ ready: false }, 503),
  };
}

/** The handlers of the per-model V2 routes, the same at the latest and the versioned paths. */
export function v2ModelHandlers(
  deps: V2Dependencies,
): AppRouteHandlers<typeof routes.latestModelRoutes> {
  const { registry } = deps;
  return {
    metadata: (c) => c.json(modelMetadata(servedFor(registry, c.req.valid("param"))), 200),
    ready: (c) => {
      const params: { name: string; version?: string } = c.req.valid("param");
      try {
        servedFor(registry, params);
      } catch (error) {
        // Not loaded is this route's answer, not an error: the protocol's `ready: false`.
        if (error instanceof ModelNotReadyError) {
          return c.json({ name: params.name, ready: false }, 503);
        }
        throw error;
      }
      return c.json({ name: params.name, ready: true }, 200);
    },
    infer: (c) => {
      const served = servedFor(registry, c.req.valid("param"));
      const { response, binary } = inferResponse(
        served,
        c.req.valid("json"),
        deps,
        c.get("requestId"),
      );
      if (!response.outputs.some((tensor) => binary(tensor.name))) return c.json(response, 200);
      const { body, headerLength } = binaryInferResponse(response, binary);
      return c.body(body, 200, {
        "content-type": "application/octet-stream",
        [headerLengthHeader]: String(headerLength),
      });
    },
  };
}
