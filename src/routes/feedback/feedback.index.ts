import { createRouter } from "../../http/create_router.ts";
import type { Database } from "../../db/mod.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import { feedbackHandlers } from "./feedback.handlers.ts";
import * as routes from "./feedback.routes.ts";

/** `/v1/feedback`. */
export function feedbackRouter(db: Database, sink: ScoringSink) {
  const handlers = feedbackHandlers(db, sink);
  return createRouter().openapi(routes.sendFeedback, handlers.sendFeedback);
}
