import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../app/create_router.ts";
import { fromDatabase } from "../../app/database_errors.ts";
import { errorResponse } from "../../app/error_schema.ts";
import type { Database } from "../../db/client.ts";
import { recordFeedback } from "../../db/repositories/feedback.ts";
import { storable } from "../../db/storable_text.ts";
import { findPrediction } from "../../db/repositories/predictions.ts";
import {
  DomainError,
  InvalidInputError,
  NotFoundError,
  unavailableMessages,
} from "../../errors.ts";
import { catalog } from "../../models/catalog.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";

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

const sendFeedback = createRoute({
  method: "post",
  path: "/v1/feedback",
  tags: ["Feedback"],
  summary: "Ground truth for a prediction (drives production accuracy); resending replaces it",
  request: { body: { required: true, content: { "application/json": { schema: FeedbackInput } } } },
  responses: {
    201: { content: { "application/json": { schema: FeedbackStored } }, description: "Stored" },
    401: errorResponse("Missing or invalid API key"),
    404: errorResponse("Unknown prediction"),
    422: errorResponse("Invalid body, head or label"),
    503: errorResponse(
      "The database did not answer, or the prediction is still queued for it; retry shortly",
      { codes: ["database_unavailable", "prediction_log_pending"] },
    ),
  },
});

/** How long feedback waits for a prediction still in the log writer's queue. */
const pendingPredictionWaitMs = 2_000;

/** `/v1/feedback`. */
export function feedbackRouter(db: Database, sink: ScoringSink) {
  const find = (id: string) => fromDatabase(() => findPrediction(db, id));
  return createRouter().openapi(sendFeedback, async (c) => {
    const body = c.req.valid("json");
    let prediction = await find(body.prediction_id);
    if (!prediction) {
      // Answered moments ago, or while the database was away: its trace may still be queued.
      await sink.flush({ timeoutMs: pendingPredictionWaitMs }).catch(() => {
        throw new DomainError(
          503,
          "prediction_log_pending",
          unavailableMessages.prediction_log_pending(),
        );
      });
      prediction = await find(body.prediction_id);
    }
    if (!prediction) throw new NotFoundError("prediction", body.prediction_id);
    const heads = catalog[prediction.modelName]?.codec.heads ?? [];
    const head = heads.find((h) =>
      h.name === (body.head ?? (heads.length === 1 ? heads[0].name : ""))
    );
    if (!head) {
      const expected = `must be one of ${heads.map((h) => h.name).join(", ")}`;
      throw new InvalidInputError(`head ${expected}`, [{ path: "head", message: expected }]);
    }
    const label = String(body.label);
    if (!head.classes.includes(label)) {
      const expected = `must be one of ${head.classes.join(", ")} for head "${head.name}"`;
      throw new InvalidInputError(`label ${expected}`, [{ path: "label", message: expected }]);
    }
    const stored = await fromDatabase(() =>
      recordFeedback(db, {
        predictionId: prediction.id,
        head: head.name,
        label,
        comment: body.comment,
      })
    );
    return c.json(
      { feedback_id: stored.id, prediction_id: prediction.id, head: head.name, label },
      201,
    );
  });
}
