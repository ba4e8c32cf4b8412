import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { alerts } from "../schema.ts";

export type NewAlert = typeof alerts.$inferInsert;
export type Alert = typeof alerts.$inferSelect;

/** Which state of an alert a webhook delivery carried: its raise or its resolution. */
export type AlertState = "raised" | "resolved";

/**
 * Opens an alert for its (kind, model), unless one is open already: then nothing is written
 * and the result is undefined. The partial unique index `alerts_open_kind_model_idx` makes
 * this hold even when two monitor runs race.
 */
export async function raiseAlert(db: Database, alert: NewAlert): Promise<Alert | undefined> {
  const [stored] = await db.insert(alerts).values({ ...alert, resolvedAt: null })
    .onConflictDoNothing({
      target: [alerts.kind, alerts.modelName],
      where: sql`resolved_at is null`,
    })
    .returning();
  return stored;
}

/** The open alert of a (kind, model), if any. */
export async function findOpenAlert(
  db: Database,
  kind: string,
  modelName: string,
): Promise<Alert | undefined> {
  const [open] = await db.select().from(alerts)
    .where(and(eq(alerts.kind, kind), eq(alerts.modelName, modelName), isNull(alerts.resolvedAt)));
  return open;
}

/** Every open alert, oldest first; of one model when `modelName` is given. */
export function listOpenAlerts(db: Database, modelName?: string): Promise<Alert[]> {
  return db.select().from(alerts)
    .where(and(
      isNull(alerts.resolvedAt),
      modelName === undefined ? undefined : eq(alerts.modelName, modelName),
    ))
    .orderBy(asc(alerts.createdAt));
}

/**
 * Closes the open alert of a (kind, model) and returns it, or undefined when none is open.
 * Its delivery is reset: the resolution is news the webhook has yet to take.
 */
export async function resolveAlert(
  db: Database,
  kind: string,
  modelName: string,
): Promise<Alert | undefined> {
  const [resolved] = await db.update(alerts)
    .set({ resolvedAt: sql`now()`, deliveredAt: null })
    .where(and(eq(alerts.kind, kind), eq(alerts.modelName, modelName), isNull(alerts.resolvedAt)))
    .returning();
  return resolved;
}

/**
 * Stamps `delivered_at` once the webhook took the alert in `state`. A raise delivered after
 * the alert was resolved stamps nothing, so the resolution is still sent. True if stamped.
 */
export async function markAlertDelivered(
  db: Database,
  id: string,
  state: AlertState,
): Promise<boolean> {
  const stamped = await db.update(alerts).set({ deliveredAt: sql`now()` })
    .where(and(
      eq(alerts.id, id),
      state === "resolved" ? isNotNull(alerts.resolvedAt) : isNull(alerts.resolvedAt),
    ))
    .returning({ id: alerts.id });
  return stamped.length > 0;
}

/** Alerts whose latest state the webhook has not taken, oldest first, at most `limit`. */
export function listUndeliveredAlerts(db: Database, limit = 100): Promise<Alert[]> {
  return db.select().from(alerts)
    .where(isNull(alerts.deliveredAt))
    .orderBy(asc(alerts.createdAt))
    .limit(limit);
}
