import { desc, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { modelDeployments } from "../schema.ts";

export type NewModelDeployment = typeof modelDeployments.$inferInsert;
export type ModelDeployment = typeof modelDeployments.$inferSelect;

/** Records a load, swap or refusal of a model version by the server. */
export async function recordDeployment(
  db: Database,
  event: NewModelDeployment,
): Promise<ModelDeployment> {
  const [stored] = await db.insert(modelDeployments).values(event).returning();
  return stored;
}

/** Deployment history of one model, newest first. */
export function listDeployments(db: Database, modelName: string): Promise<ModelDeployment[]> {
  return db.select().from(modelDeployments)
    .where(eq(modelDeployments.modelName, modelName))
    // Ids are UUIDv7 where the server records them: they order events of one millisecond.
    .orderBy(desc(modelDeployments.createdAt), desc(modelDeployments.id));
}
