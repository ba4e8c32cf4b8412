import { z } from "@hono/zod-openapi";

/** Test metrics of one head of a served version. */
const HeadMetrics = z.object({
  accuracy: z.number(),
  macro_f1: z.number(),
  roc_auc: z.number().optional(),
  log_loss: z.number(),
});

/** A served model version, as `GET /v1/models` lists it. */
export const ModelInfo = z.object({
  name: z.string().openapi({ example: "churn" }),
  version: z.string().openapi({ example: "20261122T042440Z-6dfaa8e2" }),
  challenger: z.string().optional(),
  data_hash: z.string().describe("md5 of the training data file"),
  model_hash: z.string().openapi({ example: "0b1f7e3f8a5c2d4e6f708192a3b4c5d6.dir" }).describe(
    "DVC hash of the version's folder, models/<name>/<version>: what `dvc add` would record",
  ),
  metrics: z.record(z.string(), HeadMetrics),
  threshold: z.number().optional(),
  classes: z.record(z.string(), z.array(z.string())),
  trained_at: z.string(),
  loaded_at: z.string(),
}).openapi("ModelInfo");

export const ModelList = z.object({ models: z.array(ModelInfo) }).openapi("ModelList");

export const ModelName = z.object({
  name: z.string().openapi({ param: { name: "name", in: "path" }, example: "ticket-triage" }),
});

/** Common fields of a prediction response. */
export const predictionEnvelope = {
  prediction_id: z.uuid().describe("Send it back to POST /v1/feedback with the true label"),
};
