import { inArray, sql } from "drizzle-orm";
import { type Database, type LabelledPrediction, logPredictions } from "../../src/db/mod.ts";
import type { PredictionLogEntry } from "../../src/db/mod.ts";
import { feedback, predictionRequests } from "../../src/db/schema.ts";
import { topics, urgencies } from "../../src/domain/ticket.ts";

/** The window every seeded row is placed against. */
export const seedWindow = {
  start: new Date("2024-06-01T00:00:00Z"),
  end: new Date("2024-06-02T00:00:00Z"),
};

/** A seeded feedback row and what the quality query must make of it. */
export interface SeededLabel extends LabelledPrediction {
  modelName: string;
  modelVersion: string;
  /** Predicted inside [start, end). */
  inWindow: boolean;
}

const hour = 3_600_000;

function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/**
 * Logs predictions with champion and challenger outputs and feedback for some of them:
 * churn v1 inside the window (20 sharing one timestamp, 10 within one millisecond, one at the
 * start) and outside it (before, at the end, after), churn v0 inside it, and ticket-triage v1
 * with feedback on one or both heads. The challenger always answers the other label, so
 * reading its outputs would show.
 */
export async function seedLabelledPredictions(db: Database): Promise<SeededLabel[]> {
  const random = seeded(42);
  const { start } = seedWindow;
  const entries: PredictionLogEntry[] = [];
  const labels: SeededLabel[] = [];
  const microsecondIds: string[] = [];
  const add = (modelName: string, modelVersion: string, at: Date, inWindow: boolean) => {
    const id = crypto.randomUUID();
    const heads = modelName === "churn"
      ? [{ name: "churn", classes: ["0", "1"] }]
      : [{ name: "topic", classes: [...topics] }, { name: "urgency", classes: [...urgencies] }];
    const outputs = heads.flatMap(({ name, classes }) => {
      const raw = classes.map(() => random());
      const total = raw.reduce((sum, v) => sum + v, 0);
      const scores = Object.fromEntries(classes.map((c, i) => [c, raw[i] / total]));
      const best = classes.reduce((a, b) => (scores[b] > scores[a] ? b : a));
      const other = classes.find((c) => c !== best)!;
      const truth = random() < 0.7 ? best : classes[Math.floor(random() * classes.length)];
      if (random() < 0.75) {
        labels.push({
          modelName,
          modelVersion,
          inWindow,
          predictionId: id,
          head: name,
          truth,
          predicted: best,
          scores,
        });
      }
      const output = { head: name, confidence: scores[best], scores };
      return [
        { ...output, role: "champion" as const, modelVersion, label: best },
        { ...output, role: "challenger" as const, modelVersion: "v9", label: other },
      ];
    });
    entries.push({
      request: {
        id,
        requestId: `r-${id}`,
        modelName,
        modelVersion,
        input: {},
        latencyMs: 1,
        createdAt: at,
      },
      outputs,
    });
    return id;
  };
  const at = (ms: number) => new Date(start.getTime() + ms);
  add("churn", "v1", start, true);
  for (let i = 0; i < 20; i++) add("churn", "v1", at(hour), true);
  for (let i = 0; i < 10; i++) microsecondIds.push(add("churn", "v1", at(2 * hour), true));
  for (let i = 0; i < 60; i++) add("churn", "v1", at(3 * hour + i * 60_000), true);
  for (const ms of [-1, -hour, 24 * hour, 24 * hour + 1, 30 * hour]) {
    add("churn", "v1", at(ms), false);
  }
  for (let i = 0; i < 10; i++) add("churn", "v0", at(4 * hour + i), true);
  for (let i = 0; i < 30; i++) add("ticket-triage", "v1", at(5 * hour + i * 1000), true);
  await logPredictions(db, entries);
  // Ten predictions a microsecond apart: finer than a JS Date, so paging must not round them.
  await db.update(predictionRequests).set({
    createdAt: sql`${predictionRequests.createdAt} + (
      select count(*) from prediction_requests p
      where p.id < ${predictionRequests.id} and p.id in ${microsecondIds}) * interval '1 microsecond'`,
  }).where(inArray(predictionRequests.id, microsecondIds));
  await db.insert(feedback).values(
    labels.map(({ predictionId, head, truth }) => ({ predictionId, head, label: truth })),
  );
  return labels;
}
