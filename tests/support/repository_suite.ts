import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../src/db/client.ts";
import {
  existingPredictionIds,
  findCustomer,
  findCustomerFeatures,
  findOpenAlert,
  findPrediction,
  findTicket,
  insertTickets,
  insertTicketWithFeatures,
  listDeployments,
  listOpenAlerts,
  listUndeliveredAlerts,
  logPredictions,
  markAlertDelivered,
  type PredictionLogEntry,
  raiseAlert,
  recordDeployment,
  recordFeedback,
  resolveAlert,
  upsertCustomerFeatures,
  upsertCustomers,
  upsertTicketFeatures,
} from "../../src/db/mod.ts";
import { tickets } from "../../src/db/schema.ts";
import { NotFoundError } from "../../src/domain/errors.ts";

const expectedTables = [
  "alerts",
  "customer_features",
  "customers",
  "drift_reports",
  "feedback",
  "model_deployments",
  "prediction_outputs",
  "prediction_requests",
  "ticket_features",
  "tickets",
];

function predictionEntry(modelVersion = "v1"): PredictionLogEntry {
  const id = crypto.randomUUID();
  return {
    request: {
      id,
      requestId: `req-${id.slice(0, 8)}`,
      modelName: "ticket-triage",
      modelVersion,
      input: { subject: "VPN down", body: "Cannot connect since this morning" },
      latencyMs: 1.25,
    },
    outputs: [
      {
        role: "champion",
        modelVersion,
        head: "topic",
        label: "network",
        confidence: 0.91,
        scores: { network: 0.91, access: 0.09 },
      },
      {
        role: "champion",
        modelVersion,
        head: "urgency",
        label: "high",
        confidence: 0.7,
        scores: { high: 0.7, medium: 0.3 },
      },
    ],
  };
}

/**
 * The repository contract, run against any driver: `open` returns a handle to an
 * empty, not yet migrated database; the suite closes it.
 */
export function repositorySuite(driver: string, open: () => Promise<DatabaseHandle>): void {
  Deno.test(`repositories on ${driver}`, async (t) => {
    const handle = await open();
    const { db } = handle;
    try {
      await t.step("migrations apply on an empty database and are idempotent", async () => {
        await handle.migrate();
        const countApplied = async () => {
          const [row] = await handle.queryRows<{ n: number }>(
            sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
          );
          return row.n;
        };
        const applied = await countApplied();
        assert.ok(applied >= 1);
        await handle.migrate();
        assert.equal(await countApplied(), applied);
        const tables = await handle.queryRows<{ table_name: string }>(sql`
          select table_name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
        assert.deepEqual(tables.map((row) => row.table_name), expectedTables);
      });

      await t.step("tickets and their features", async () => {
        const ids = await insertTickets(db, [
          {
            subject: "Printer jam",
            body: "Floor 2 printer",
            channel: "portal",
            source: "synthetic",
          },
          {
            subject: "Mot de passe expiré",
            body: "Je ne peux plus me connecter",
            channel: "email",
            language: "fr",
            topic: "access",
            urgency: "medium",
            source: "synthetic",
          },
        ]);
        assert.equal(ids.length, 2);
        const before = await findTicket(db, ids[1]);
        assert.equal(before?.subject, "Mot de passe expiré");
        assert.equal(before?.features, null);

        const features = {
          ticketId: ids[1],
          text: "mot de passe expiré je ne peux plus me connecter",
          language: "fr" as const,
          tokenCount: 9,
          featureVersion: "1",
        };
        await upsertTicketFeatures(db, [features]);
        await upsertTicketFeatures(db, [{ ...features, tokenCount: 10, featureVersion: "2" }]);
        const after = await findTicket(db, ids[1]);
        assert.equal(after?.features?.tokenCount, 10);
        assert.equal(after?.features?.featureVersion, "2");
        assert.equal(await findTicket(db, crypto.randomUUID()), undefined);

        const stored = await insertTicketWithFeatures(
          db,
          { subject: "Outlook", body: "Mailbox full", channel: "chat", source: "api" },
          { text: "outlook mailbox full", language: "en", tokenCount: 3, featureVersion: "1" },
        );
        assert.equal((await findTicket(db, stored.id))?.features?.text, "outlook mailbox full");
        assert.equal(stored.source, "api");
        assert.ok(stored.createdAt instanceof Date);

        // Features the database refuses leave no ticket behind: both inserts are one statement.
        const countTickets = async () => (await db.select().from(tickets)).length;
        const ticketCount = await countTickets();
        await assert.rejects(insertTicketWithFeatures(
          db,
          { subject: "VPN", body: "Down", channel: "email", source: "api" },
          { text: "vpn down", language: "en", tokenCount: 2, featureVersion: null as never },
        ));
        assert.equal(await countTickets(), ticketCount);
      });

      await t.step("customers and features by id", async () => {
        const customer = {
          id: "C000001",
          tenure: 12,
          monthlyCharges: 65.5,
          totalCharges: 786,
          contractType: "Month-to-month" as const,
          paymentMethod: "Electronic check" as const,
          churned: false,
        };
        await upsertCustomers(db, [customer, { ...customer, id: "C000002", tenure: 3 }]);
        await upsertCustomers(db, [{ ...customer, churned: true }]);
        assert.equal((await findCustomer(db, "C000001"))?.churned, true);
        assert.equal(await findCustomerFeatures(db, "C000001"), undefined);
        await upsertCustomerFeatures(db, [{
          customerId: "C000001",
          features: { tenure: 12, contract_type: "Month-to-month" },
          featureVersion: "1",
        }]);
        const features = await findCustomerFeatures(db, "C000001");
        assert.deepEqual(features?.features, { tenure: 12, contract_type: "Month-to-month" });
      });

      await t.step("a prediction is logged with its outputs; a retry is a no-op", async () => {
        const entry = predictionEntry();
        await logPredictions(db, [entry]);
        await logPredictions(db, [entry]);
        const stored = await findPrediction(db, entry.request.id);
        assert.equal(stored?.modelName, "ticket-triage");
        assert.deepEqual(stored?.input, entry.request.input);
        assert.deepEqual(stored?.outputs.map((o) => o.head).sort(), ["topic", "urgency"]);
      });

      await t.step("a batch failing half-way leaves nothing behind", async () => {
        const good = predictionEntry();
        const bad = predictionEntry();
        const broken = { ...bad.outputs[1], label: null as unknown as string };
        await assert.rejects(
          logPredictions(db, [good, { request: bad.request, outputs: [bad.outputs[0], broken] }]),
        );
        const found = await existingPredictionIds(db, [good.request.id, bad.request.id]);
        assert.equal(found.size, 0);
        const [orphans] = await handle.queryRows<{ n: number }>(sql`
          select count(*)::int as n from prediction_outputs o
          where not exists (select 1 from prediction_requests r where r.id = o.prediction_id)`);
        assert.equal(orphans.n, 0);
      });

      await t.step("feedback attaches to a prediction and can be corrected", async () => {
        const entry = predictionEntry();
        await logPredictions(db, [entry]);
        const first = await recordFeedback(db, {
          predictionId: entry.request.id,
          head: "topic",
          label: "access",
        });
        const second = await recordFeedback(db, {
          predictionId: entry.request.id,
          head: "topic",
          label: "network",
        });
        assert.equal(second.id, first.id);
        assert.equal(second.label, "network");
        await assert.rejects(
          recordFeedback(db, { predictionId: crypto.randomUUID(), head: "topic", label: "x" }),
          NotFoundError,
        );
      });

      await t.step("model deployments record which version served when", async () => {
        await recordDeployment(db, {
          modelName: "churn",
          version: "v1",
          role: "champion",
          event: "loaded",
        });
        await recordDeployment(db, {
          modelName: "churn",
          version: "v2",
          role: "champion",
          event: "refused",
          reason: "md5 mismatch",
        });
        const history = await listDeployments(db, "churn");
        assert.deepEqual(history.map((d) => d.version).sort(), ["v1", "v2"]);
        assert.equal(history.find((d) => d.event === "refused")?.reason, "md5 mismatch");
      });

      await t.step("one open alert per kind and model, until it is resolved", async () => {
        const alert = {
          kind: "dataset_drift",
          severity: "critical" as const,
          modelName: "churn",
          message: "drift",
        };
        const raised = await raiseAlert(db, alert);
        assert.ok(raised?.id);
        assert.equal(await raiseAlert(db, alert), undefined, "no second open alert");
        assert.ok(await raiseAlert(db, { ...alert, modelName: "ticket-triage" }));
        assert.equal((await findOpenAlert(db, "dataset_drift", "churn"))?.id, raised.id);
        assert.equal((await listOpenAlerts(db, "churn")).length, 1);

        assert.ok(await markAlertDelivered(db, raised.id, "raised"));
        assert.equal(await markAlertDelivered(db, raised.id, "resolved"), false);
        const undelivered = async () => (await listUndeliveredAlerts(db)).map((a) => a.id);
        assert.ok(!(await undelivered()).includes(raised.id));

        const resolved = await resolveAlert(db, "dataset_drift", "churn");
        assert.equal(resolved?.id, raised.id);
        assert.ok(resolved?.resolvedAt instanceof Date);
        assert.equal(resolved?.deliveredAt, null, "the resolution is yet to be delivered");
        assert.ok((await undelivered()).includes(raised.id));
        assert.equal(await markAlertDelivered(db, raised.id, "raised"), false, "a late raise");
        assert.ok(await markAlertDelivered(db, raised.id, "resolved"));
        assert.equal(await resolveAlert(db, "dataset_drift", "churn"), undefined);
        assert.equal(await findOpenAlert(db, "dataset_drift", "churn"), undefined);

        const again = await raiseAlert(db, alert);
        assert.ok(again && again.id !== raised.id, "raised anew once the first one cleared");
      });
    } finally {
      await handle.close();
    }
  });
}
