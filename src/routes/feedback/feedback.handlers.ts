import type { AppRouteHandlers } from "../../http/create_router.ts";
import { fromDatabase } from "../../http/database_errors.ts";
import { unavailableMessages } from "../../http/error_messages.ts";
import { HttpError } from "../../http/http_error.ts";
import { type Database, findPrediction, recordFeedback } from "../../db/mod.ts";
import { InvalidInputError, NotFoundError } from "../../domain/errors.ts";
import type { Head } from "../../domain/model_codec.ts";
import { catalog } from "../../models/catalog.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type * as routes from "./feedback.routes.ts";

/** How long feedback waits for a prediction still in the log writer's queue. */
const pendingPredictionWaitMs = 2_000;

/** The head `body` names (or the model's only one) and its label, checked against its classes. */
function checkedLabel(model: string, body: { head?: string; label: string | number }) {
  const heads: readonly Head[] = catalog[model]?.codec.heads ?? [];
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
  return { head: head.name, label };
}

/** What a client sends back: the true label of a head of a logged prediction. */
export interface FeedbackBody {
  prediction_id: string;
  head?: string;
  label: string | number;
  comment?: string;
}

/**
 * The product's one feedback path (`POST /v1/feedback` and the dashboard's form): finds the
 * prediction (waiting for one still in the log writer's queue), checks the head and label
 * against the model's classes and stores the label, replacing an earlier one.
 */
export async function storeFeedback(db: Database, sink: ScoringSink, body: FeedbackBody) {
  const find = (id: string) => fromDatabase(() => findPrediction(db, id));
  let prediction = await find(body.prediction_id);
  if (!prediction) {
    // Answered moments ago, or while the database was away: its trace may still be queued.
    await sink.flush({ timeoutMs: pendingPredictionWaitMs }).catch(() => {
      throw new HttpError(
        503,
        "prediction_log_pending",
        unavailableMessages.prediction_log_pending(),
      );
    });
    prediction = await find(body.prediction_id);
  }
  if (!prediction) throw new NotFoundError("prediction", body.prediction_id);
  const { head, label } = checkedLabel(prediction.modelName, body);
  const predictionId = prediction.id;
  const stored = await fromDatabase(() =>
    recordFeedback(db, { predictionId, head, label, comment: body.comment })
  );
  return { feedback_id: stored.id, prediction_id: predictionId, head, label };
}

/** The feedback handlers: ground truth stored against a logged prediction. */
export function feedbackHandlers(db: Database, sink: ScoringSink): AppRouteHandlers<typeof routes> {
  return {
    sendFeedback: async (c) => c.json(await storeFeedback(db, sink, c.req.valid("json")), 201),
  };
}
