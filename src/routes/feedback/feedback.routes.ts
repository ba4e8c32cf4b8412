import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, unauthorizedResponse } from "../../http/error_schema.ts";
import { storable } from "../../db/mod.ts";

const FeedbackInput = z.object({
  prediction_id: z.uuid(),
  head: z.string().min(1).max(50).optional().describe("Defaults to the model's only head"),
  label: z.union([z.string().min(1).max(100), z.number().int()]).describe("The true class"),
  comment: storable(z.string().max(2000)).optional(),
}).openapi("FeedbackInput", {
  example: {
    prediction_id: "5981f6bd-c985-4d52-b605-d687b0612bcc",
    head: "topic",
    label: "network",
  },
});

const FeedbackStored = z.object({
  feedback_id: z.uuid(),
  prediction_id: z.uuid(),
  head: z.string(),
  label: z.string(),
}).openapi("FeedbackStored");

/** `POST /v1/feedback`: the true label of one head of a served prediction. */
export const sendFeedback = createRoute({
  method: "post",
  path: "/v1/feedback",
  tags: ["Feedback"],
  summary: "Ground truth for a prediction (drives production accuracy); resending replaces it",
  request: { body: { required: true, content: { "application/json": { schema: FeedbackInput } } } },
  responses: {
    201: { content: { "application/json": { schema: FeedbackStored } }, description: "Stored" },
    401: unauthorizedResponse,
    404: errorResponse("Unknown prediction"),
    422: errorResponse("Invalid body, head or label"),
    503: errorResponse(
      "The database did not answer, or the prediction is still queued for it; retry shortly",
      { codes: ["database_unavailable", "prediction_log_pending"] },
    ),
  },
});
