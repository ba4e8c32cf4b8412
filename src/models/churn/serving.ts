import { z } from "@hono/zod-openapi";
import type { ServingSpec } from "../../domain/serving_spec.ts";
import { churnExample, ChurnInput } from "./schema.ts";

/** The churn prediction of one customer. */
export const ChurnPrediction = z.object({
  prediction: z.union([z.literal(0), z.literal(1)]).openapi({ example: 1 }),
  probability: z.number().min(0).max(1).describe("P(churn)").openapi({ example: 0.71 }),
  confidence: z.number().min(0).max(1).describe("Probability of the predicted class")
    .openapi({ example: 0.71 }),
  threshold: z.number().describe("Decision threshold on P(churn), chosen to maximise F1")
    .openapi({ example: 0.31 }),
}).openapi("ChurnPrediction");

/** HTTP face of `churn`. */
export const churnServing: ServingSpec = {
  name: "churn",
  summary: "Predict whether a customer will churn",
  input: ChurnInput,
  example: churnExample,
  output: ChurnPrediction,
  respond: ([output], threshold) => ({
    prediction: output.label === "1" ? 1 : 0,
    probability: output.scores["1"],
    confidence: output.confidence,
    threshold: threshold ?? 0.5,
  }),
};
