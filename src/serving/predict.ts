import { v7 as uuidv7 } from "uuid";
import type { PredictionLogEntry } from "../db/mod.ts";
import type { HeadOutput } from "../domain/head_output.ts";
import type { ModelRegistry } from "./registry/model_registry.ts";
import type { ScoringSink } from "./prediction_log/mod.ts";
import { scoreInstances, type ServedModel } from "./registry/served_model.ts";

/** One scored instance as the API returns it. */
export interface Prediction {
  predictionId: string;
  outputs: HeadOutput[];
}

/** Who asked, for the trace in `prediction_requests`. */
export interface PredictionContext {
  requestId: string;
  ticketId?: string;
  customerId?: string;
}

const asOutputRows = (role: "champion" | "challenger", version: string, outputs: HeadOutput[]) =>
  outputs.map((output) => ({ role, modelVersion: version, ...output }));

/**
 * Scores instances with the champion and hands the trace to the sink. A challenger, when
 * one is pinned, scores the same inputs after the response is sent and its outputs join
 * the same logged request, so both can be compared online.
 */
export function predict(
  registry: ModelRegistry,
  sink: ScoringSink,
  served: ServedModel,
  inputs: readonly Record<string, unknown>[],
  context: PredictionContext,
): Prediction[] {
  const started = performance.now();
  const scored = scoreInstances(served, inputs);
  const latencyMs = (performance.now() - started) / inputs.length;
  // Time-ordered ids: the log's primary-key inserts land at the end of the index.
  const predictions = scored.map((outputs) => ({ predictionId: uuidv7(), outputs }));
  const entries: PredictionLogEntry[] = predictions.map(({ predictionId, outputs }, i) => ({
    request: {
      id: predictionId,
      requestId: context.requestId,
      modelName: served.name,
      modelVersion: served.version,
      input: inputs[i],
      latencyMs,
      ticketId: context.ticketId,
      customerId: context.customerId,
    },
    outputs: asOutputRows("champion", served.version, outputs),
  }));
  const challenger = registry.challenger(served.name);
  if (!challenger) {
    for (const entry of entries) sink.enqueue(entry);
    return predictions;
  }
  sink.enqueueLater(() => {
    let shadow: HeadOutput[][] = [];
    try {
      shadow = scoreInstances(challenger, inputs);
    } catch {
      // A failing challenger must never cost the champion's trace.
    }
    return entries.map((entry, i) => ({
      ...entry,
      outputs: [
        ...entry.outputs,
        ...(shadow[i] ? asOutputRows("challenger", challenger.version, shadow[i]) : []),
      ],
    }));
  });
  return predictions;
}
