/**
 * Seeded production data for the dashboard and the BI views, put in the way clients do it:
 * tickets triaged through `POST /v1/tickets`, customers scored through
 * `POST /v1/customers/{id}/churn`, labels sent to `POST /v1/feedback`; then one monitor run
 * per model and one open alert. What the API answered is kept: the expected numbers.
 */
import assert from "node:assert/strict";
import { raiseAlert } from "../../src/db/mod.ts";
import { customers } from "../../src/db/schema.ts";
import { workspaceVersionFile } from "../../src/ml/version_files.ts";
import { runMonitor } from "../../src/monitor/mod.ts";
import { computeFeatures } from "../../src/pipeline/features.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { generateTickets } from "../../src/pipeline/synthetic/ticket_generator.ts";
import { postJson, type TestApp } from "./test_app.ts";
import type { TrainedWorkspace } from "./trained_models.ts";

/** A ticket as triaged by the API, and the truth the generator drew it from. */
export interface SeededTicket {
  ticketId: string;
  predictionId: string;
  topic: string;
  topicConfidence: number;
  urgency: string;
  urgencyConfidence: number;
  trueTopic: string;
  trueUrgency: string;
  /** Whether its labels were sent as feedback. */
  labelled: boolean;
}

/** A customer as scored by the API. */
export interface SeededCustomer {
  id: string;
  predictionId: string;
  probability: number;
  churned: boolean;
  labelled: boolean;
}

/** What was seeded. */
export interface DashboardSeed {
  tickets: SeededTicket[];
  customers: SeededCustomer[];
}

const ticketCount = 16;
const labelledTickets = 10;
const customerCount = 40;
const labelledCustomers = 30;

/** Seeds `app` (about 60 requests, two monitor runs); `headers` carry the API key if any. */
export async function seedDashboard(
  testApp: TestApp,
  workspace: TrainedWorkspace,
  headers: Record<string, string> = {},
): Promise<DashboardSeed> {
  const { app, database } = testApp;
  const db = database.db;
  const post = async (path: string, body: unknown) => {
    const response = await app.request(path, postJson(body, headers));
    const json = await response.json();
    assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  const tickets: SeededTicket[] = [];
  for (const [i, t] of generateTickets({ count: ticketCount, seed: 7, drifted: false }).entries()) {
    const triaged = await post("/v1/tickets", {
      subject: t.subject,
      body: t.body,
      channel: t.channel,
    });
    tickets.push({
      ticketId: triaged.ticket_id,
      predictionId: triaged.prediction_id,
      topic: triaged.triage.topic.label,
      topicConfidence: triaged.triage.topic.confidence,
      urgency: triaged.triage.urgency.label,
      urgencyConfidence: triaged.triage.urgency.confidence,
      trueTopic: t.topic,
      trueUrgency: t.urgency,
      labelled: i < labelledTickets,
    });
  }
  await testApp.flush();
  for (const t of tickets.filter((t) => t.labelled)) {
    await post("/v1/feedback", {
      prediction_id: t.predictionId,
      head: "topic",
      label: t.trueTopic,
    });
    await post("/v1/feedback", {
      prediction_id: t.predictionId,
      head: "urgency",
      label: t.trueUrgency,
    });
  }

  await generate(db, { tickets: 0, customers: customerCount, seed: 5, drifted: false });
  await computeFeatures(db);
  const stored = await db.select({ id: customers.id, churned: customers.churned }).from(customers)
    .orderBy(customers.id);
  const scored: SeededCustomer[] = [];
  for (const [i, c] of stored.entries()) {
    const answer = await post(`/v1/customers/${encodeURIComponent(c.id)}/churn`, {});
    scored.push({
      id: c.id,
      predictionId: answer.prediction_id,
      probability: answer.probability,
      churned: c.churned === true,
      labelled: i < labelledCustomers,
    });
  }
  await testApp.flush();
  for (const c of scored.filter((c) => c.labelled)) {
    await post("/v1/feedback", { prediction_id: c.predictionId, label: c.churned ? 1 : 0 });
  }

  await runMonitor(db, {
    models: Object.entries(workspace.versions).map(([name, version]) => ({ name, version })),
    readVersionFile: workspaceVersionFile(workspace.root),
    windowMs: 3_600_000,
    end: new Date(Date.now() + 1_000),
  });
  await raiseAlert(db, {
    kind: "accuracy",
    severity: "warning",
    modelName: "churn",
    message: "Seeded: production accuracy below the threshold",
  });
  return { tickets, customers: scored };
}
