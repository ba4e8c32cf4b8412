/**
 * The BI views of migration 0003 return the numbers the API gives: each ticket's triage as
 * `GET /v1/tickets/{id}` reads it, each customer's churn probability as
 * `POST /v1/customers/{id}/churn` answered it, production accuracy and drift as
 * `GET /v1/monitoring/reports` (computed by the monitor, in TypeScript) reports them, and the
 * prediction counts of `/metrics`, the deployment log the dashboard shows with the commit that
 * pinned each version. Run on PGlite and on Postgres by their own test files.
 */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../src/db/mod.ts";
import { seedDashboard } from "../support/dashboard_seed.ts";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { commitPointer, deploymentsOnce } from "../support/version_pins.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Registers the suite on a database opened by `openDb`. */
export function biViewsSuite(name: string, openDb: () => Promise<DatabaseHandle>): void {
  Deno.test(`BI views return the API's numbers (${name})`, async (t) => {
    const workspace = await trainedWorkspace();
    const pinned = await commitPointer(workspace, "Ada Ops <ada@example.com>", "Pin v1");
    const harness = await testApp(workspace, {}, undefined, openDb);
    try {
      const seed = await seedDashboard(harness, workspace);
      const { app, database } = harness;
      const rows = <T>(query: ReturnType<typeof sql>) => database.queryRows<T>(query);

      await t.step(
        "bi_ticket_triage: each ticket's latest triage, as GET /v1/tickets/{id}",
        async () => {
          const viewed = await rows<Record<string, unknown>>(
            sql`select ticket_id::text, topic, topic_confidence::float8 as tc, urgency,
            urgency_confidence::float8 as uc, needs_review, true_topic from bi_ticket_triage`,
          );
          assert.equal(viewed.length, seed.tickets.length);
          for (const ticket of seed.tickets) {
            const api = await (await app.request(`/v1/tickets/${ticket.ticketId}`)).json();
            const row = viewed.find((r) => r.ticket_id === ticket.ticketId)!;
            assert.equal(row.topic, api.latest_triage.outputs.topic.label);
            assert.equal(row.urgency, api.latest_triage.outputs.urgency.label);
            assert.ok(close(row.tc as number, api.latest_triage.outputs.topic.confidence));
            assert.ok(close(row.uc as number, api.latest_triage.outputs.urgency.confidence));
            assert.equal(row.needs_review, false, "no needs_review stored: false");
            assert.equal(row.true_topic, ticket.labelled ? ticket.trueTopic : null);
          }
        },
      );

      await t.step("bi_customers: the latest churn probability the API answered", async () => {
        const viewed = await rows<{ customer_id: string; p: number; churned: boolean }>(
          sql`select customer_id, churn_probability as p, churned from bi_customers`,
        );
        assert.equal(viewed.length, seed.customers.length);
        for (const c of seed.customers) {
          const row = viewed.find((r) => r.customer_id === c.id)!;
          assert.ok(close(row.p, c.probability), `${c.id}: ${row.p} vs ${c.probability}`);
        }
      });

      await t.step(
        "bi_production_accuracy and bi_report_accuracy: the monitor's accuracy",
        async () => {
          const api = await (await app.request("/v1/monitoring/reports")).json();
          assert.equal(api.reports.length, 2);
          const viewed = await rows<{ model: string; head: string; accuracy: number }>(
            sql`select model_name as model, head,
            sum(correct)::float8 / sum(labelled) as accuracy
          from bi_production_accuracy group by model_name, head`,
          );
          const reported = await rows<{ model: string; head: string; accuracy: number }>(
            sql`select model_name as model, head, accuracy from bi_report_accuracy`,
          );
          let compared = 0;
          for (const report of api.reports) {
            for (const [head, accuracy] of Object.entries(report.accuracy)) {
              const view = viewed.find((v) => v.model === report.model && v.head === head)!;
              assert.ok(close(view.accuracy, accuracy as number), `${report.model}/${head}`);
              const stored = reported.find((v) => v.model === report.model && v.head === head)!;
              assert.ok(close(stored.accuracy, accuracy as number));
              compared++;
            }
          }
          assert.equal(compared, 3, "topic, urgency and churn");
          const topic = seed.tickets.filter((t) => t.labelled);
          const expected = topic.filter((t) => t.topic === t.trueTopic).length / topic.length;
          const view = viewed.find((v) => v.head === "topic")!;
          assert.ok(close(view.accuracy, expected));
        },
      );

      await t.step("bi_drift_reports: the drift share and columns of the reports", async () => {
        const api = await (await app.request("/v1/monitoring/reports")).json();
        const viewed = await rows<{ id: string; share: number; columns: string | null; n: number }>(
          sql`select report_id::text as id, drift_share::float8 as share,
            drifted_columns as columns, drifted_column_count as n from bi_drift_reports`,
        );
        for (const report of api.reports) {
          const row = viewed.find((v) => v.id === report.id)!;
          assert.ok(close(row.share, report.drift_share));
          assert.equal(row.n, report.drifted_columns.length);
          assert.equal(row.columns ?? "", report.drifted_columns.join(", "));
        }
      });

      await t.step(
        "bi_traffic_hourly and bi_alerts: the counts of /metrics and the alerts",
        async () => {
          const metrics = await (await app.request("/metrics")).text();
          const champion = [...metrics.matchAll(
            /^predictions_total\{model="([^"]+)",version="[^"]+",role="champion",head="(topic|churn)"[^}]*\} (\d+)/gm,
          )].reduce((n, m) => n + Number(m[3]), 0);
          const [traffic] = await rows<{ requests: number }>(
            sql`select sum(requests)::int as requests from bi_traffic_hourly`,
          );
          assert.equal(traffic.requests, champion);
          assert.equal(champion, seed.tickets.length + seed.customers.length);
          const [alerts] = await rows<{ open: number }>(
            sql`select count(*)::int as open from bi_alerts where is_open`,
          );
          assert.equal(alerts.open, 1);
        },
      );

      await t.step(
        "bi_model_deployments: the deployment log, with the pointer commit",
        async () => {
          const log = await deploymentsOnce(harness, "churn", (log) => log.length > 0);
          const viewed = await rows<Record<string, unknown>>(
            sql`select deployment_id::text as id, model_version, role, event, pointer_commit,
          pointer_author, pointer_subject, pointer_committed_at from bi_model_deployments
          where model_name = 'churn' order by created_at desc, deployment_id desc`,
          );
          assert.deepEqual(
            viewed.map((r) => [r.id, r.model_version, r.role, r.event, r.pointer_commit]),
            log.map((d) => [d.id, d.version, d.role, d.event, d.pointerCommit]),
          );
          assert.deepEqual(
            [viewed[0].pointer_commit, viewed[0].pointer_author, viewed[0].pointer_subject],
            [pinned, "Ada Ops", "Pin v1"],
          );
          assert.equal(
            new Date(viewed[0].pointer_committed_at as string).getTime(),
            log[0].pointerCommittedAt?.getTime(),
          );
        },
      );

      await t.step("needs_review: read when the prediction log stores it", async () => {
        const ticket = seed.tickets[0];
        await database.queryRows(
          sql`alter table prediction_outputs add column needs_review boolean`,
        );
        await database.queryRows(
          sql`update prediction_outputs set needs_review = true
          where prediction_id = ${ticket.predictionId}::uuid and head = 'topic'`,
        );
        const flagged = await rows<{ ticket_id: string }>(
          sql`select ticket_id::text from bi_ticket_triage where needs_review`,
        );
        assert.deepEqual(flagged.map((r) => r.ticket_id), [ticket.ticketId]);
      });
    } finally {
      await harness.close();
    }
  });
}
