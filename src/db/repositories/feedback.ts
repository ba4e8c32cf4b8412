import { eq, sql } from "drizzle-orm";
import { NotFoundError } from "../../domain/errors.ts";
import type { Database } from "../client.ts";
import { feedback, predictionRequests } from "../schema.ts";

export type NewFeedback = typeof feedback.$inferInsert;
export type Feedback = typeof feedback.$inferSelect;

/**
 * Records the ground truth for one head of a prediction. Sending it again replaces
 * the earlier label (clients correct mistakes); an unknown prediction is a `NotFoundError`.
 */
export async function recordFeedback(db: Database, entry: NewFeedback): Promise<Feedback> {
  const [prediction] = await db.select({ id: predictionRequests.id }).from(predictionRequests)
    .where(eq(predictionRequests.id, entry.predictionId));
  if (!prediction) throw new NotFoundError("prediction", entry.predictionId);
  const [stored] = await db.insert(feedback).values(entry).onConflictDoUpdate({
    target: [feedback.predictionId, feedback.head],
    set: { label: sql`excluded.label`, comment: sql`excluded.comment`, createdAt: sql`now()` },
  }).returning();
  return stored;
}
