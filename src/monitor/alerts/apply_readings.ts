/**
 * The no-storm rule on the alerts table: a holding condition raises an alert only when none
 * is open for its (kind, model); one that no longer holds resolves the open alert; one that
 * cannot be judged this run is left as it is.
 */
import {
  type Alert,
  type Database,
  findOpenAlert,
  raiseAlert,
  resolveAlert,
} from "../../db/mod.ts";
import { alertSeverity, type ConditionReading } from "./conditions.ts";

/** What one evaluation changed: alerts raised, resolved, and those that stay open. */
export interface AlertChanges {
  raised: Alert[];
  resolved: Alert[];
  open: Alert[];
}

/** Called for each alert raised or resolved, after its row is written. */
export interface ChangeHooks {
  raised(alert: Alert, reading: ConditionReading): void;
  resolved(alert: Alert): void;
}

/** Applies one model's condition readings; see the module's doc. */
export async function applyReadings(
  db: Database,
  model: string,
  readings: readonly ConditionReading[],
  hooks: ChangeHooks,
): Promise<AlertChanges> {
  const changes: AlertChanges = { raised: [], resolved: [], open: [] };
  for (const reading of readings) {
    const { kind, holds } = reading;
    if (holds === true) {
      const raised = await raiseAlert(db, {
        kind,
        severity: alertSeverity[kind],
        modelName: model,
        message: reading.message,
        details: reading.details,
      });
      if (raised) {
        changes.raised.push(raised);
        hooks.raised(raised, reading);
      } else {
        // Open already: found again (rather than assumed) in case it was resolved meanwhile.
        const open = await findOpenAlert(db, kind, model);
        if (open) changes.open.push(open);
      }
    } else if (holds === false) {
      const resolved = await resolveAlert(db, kind, model);
      if (resolved) {
        changes.resolved.push(resolved);
        hooks.resolved(resolved);
      }
    }
  }
  return changes;
}

/** The changes of several evaluations in one. */
export function mergeChanges(all: readonly AlertChanges[]): AlertChanges {
  return {
    raised: all.flatMap((changes) => changes.raised),
    resolved: all.flatMap((changes) => changes.resolved),
    open: all.flatMap((changes) => changes.open),
  };
}
