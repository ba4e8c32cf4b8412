/**
 * The payloads of the services the product replaces (docs/api.md, "Seed services' routes"),
 * told apart by their shape, and what the product answers them.
 * @module
 */
import { z } from "@hono/zod-openapi";
import { storable } from "../../db/mod.ts";
import { InvalidInputError } from "../../domain/errors.ts";
import { fieldErrors } from "../../http/field_errors.ts";
import { churnExample, ChurnInput } from "../../models/churn/schema.ts";
import { ChurnPrediction } from "../../models/churn/serving.ts";

/** The OpenAPI tag of these routes. */
export const seedTag = "Seed services (compatibility)";

/** The DB-first service's payload: a stored customer's id. */
export const ClientIdRequest = z.object({
  client_id: z.union([
    storable(z.string().min(1).max(100)),
    z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  ]).describe("The stored customer's id (`customers.id`)"),
}).openapi("SeedClientIdRequest", { example: { client_id: "C000042" } });

/** The first churn service's payload; any other churn field may come along. */
export const AgeIncomeTenureRequest = ChurnInput.partial().extend({
  age: ChurnInput.shape.age.unwrap(),
  income: ChurnInput.shape.income.unwrap(),
  tenure: ChurnInput.shape.tenure,
}).openapi("SeedAgeIncomeTenureRequest", { example: { age: 43, income: 35000, tenure: 5 } });

/** The churn features of `/predict` and `/predict_raw`: the five-field payload, or the three. */
export const SeedFeatures = z.union([ChurnInput, AgeIncomeTenureRequest]);

/** What `/predict` takes: a stored customer's id, or the features. */
export const SeedPredictRequest = z.union([ClientIdRequest, ChurnInput, AgeIncomeTenureRequest]);

/** The seeds' own examples, each a named example of the request body. */
export const seedExamples = {
  age_income_tenure: {
    summary: "The first churn service's example",
    value: { age: 43, income: 35000, tenure: 5 },
  },
  five_fields: { summary: "The registry service's example", value: churnExample },
};

/** The DB-first service's example. */
export const clientIdExample = {
  summary: "The DB-first service: a stored customer",
  value: { client_id: "C000042" },
};

/** The seeds' answer (`prediction`, `confidence`, `probability`) and the product's trace. */
export const SeedPrediction = ChurnPrediction.and(z.object({
  prediction_id: z.uuid().describe("Send it back to POST /v1/feedback with the true label"),
  model: z.string().openapi({ example: "churn" }),
  version: z.string().openapi({ example: "20261122T042440Z-6dfaa8e2" }),
  imputed: z.array(z.string()).openapi({ example: ["monthly_charges", "total_charges"] })
    .describe(
      "Fields the request left out, filled in by the model's preprocessing: a number takes " +
        "the training median and its missing flag, a category none of its values",
    ),
  client_id: z.union([z.string(), z.number()]).optional(),
})).openapi("SeedPrediction");

/** `GET /`: the seeds' root. */
export const SeedRoot = z.object({
  status: z.enum(["ok", "loading"]).describe('"loading" until the churn model is loaded'),
  model: z.string().openapi({ example: "churn" }),
  version: z.string().nullable().openapi({ example: "20261122T042440Z-6dfaa8e2" }),
  docs: z.string().openapi({ example: "/docs" }),
}).openapi("SeedRoot");

const PartialInputMetrics = z.object({
  fields: z.array(z.string()),
  roc_auc: z.number(),
  log_loss: z.number(),
});

/** `GET /model-info`: the active churn model. */
export const SeedModelInfo = z.object({
  model: z.string().openapi({ example: "churn" }),
  version: z.string().openapi({ example: "20261122T042440Z-6dfaa8e2" }),
  metrics: z.object({
    accuracy: z.number(),
    precision: z.number(),
    recall: z.number(),
    f1: z.number(),
    roc_auc: z.number(),
    log_loss: z.number(),
  }).describe("Test split; precision, recall and F1 of the churn class"),
  partial_inputs: z.array(PartialInputMetrics).describe(
    "Test split cut down to the partial payloads clients send",
  ),
  threshold: z.number(),
  trained_at: z.string(),
}).openapi("SeedModelInfo");

/** The shapes a body may take, by the fields that name them. */
interface Shape {
  keys: readonly string[];
  schema: z.ZodType;
}

const clientShape: Shape = { keys: ["client_id"], schema: ClientIdRequest };
const featureShapes: Shape[] = [
  {
    keys: ["monthly_charges", "total_charges", "contract_type", "payment_method"],
    schema: ChurnInput,
  },
  { keys: ["age", "income", "tenure"], schema: AgeIncomeTenureRequest },
];

const describe = (shapes: readonly Shape[]) =>
  shapes.map((shape) =>
    `{ ${(shape.schema === ChurnInput ? Object.keys(churnExample) : shape.keys).join(", ")} }`
  ).join(", or ");

/**
 * The 422 of a body no shape accepts: the errors of the shape it is closest to (a shape it
 * shares a field with, fewest errors), or, sharing none, the shapes accepted.
 */
export function shapeError(body: unknown, withClientId: boolean): InvalidInputError {
  const shapes = withClientId ? [clientShape, ...featureShapes] : featureShapes;
  const keys = body !== null && typeof body === "object" ? Object.keys(body) : [];
  const candidates = keys.includes("client_id") && withClientId
    ? [clientShape]
    : featureShapes.filter((shape) => shape.keys.some((key) => keys.includes(key)));
  const errors = candidates.map((shape) => {
    const result = shape.schema.safeParse(body);
    return result.success ? [] : fieldErrors(result.error.issues);
  }).filter((fields) => fields.length > 0).sort((a, b) => a.length - b.length);
  if (errors.length > 0) return new InvalidInputError("Request is invalid", errors[0]);
  const message = `The body must be one of ${describe(shapes)}`;
  return new InvalidInputError(message, [{ path: "(body)", message }]);
}

/** A validated body of `/predict`. */
export type SeedPredictRequest = z.infer<typeof SeedPredictRequest>;
