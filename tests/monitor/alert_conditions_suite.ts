import assert from "node:assert/strict";
import type { DatabaseHandle } from "../../src/db/mod.ts";
import { listOpenAlerts } from "../../src/db/mod.ts";
import { createAlerter, type MonitorObservation } from "../../src/monitor/alerts/mod.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "../support/logger.ts";
import { calmObservation, driftedObservation } from "../support/observations.ts";

/**
 * Conditions raise, hold and resolve with no storm, on any driver: `open` returns a handle
 * to an empty, not yet migrated database; the suite closes it.
 */
export function alertConditionsSuite(driver: string, open: () => Promise<DatabaseHandle>): void {
  Deno.test(`alert conditions on ${driver}`, async (t) => {
    const handle = await open();
    await handle.migrate();
    const alerter = createAlerter({
      db: handle.db,
      config: loadConfig({}),
      logger: captureLogger(),
    });
    const kinds = async (observation: MonitorObservation) => {
      const changes = await alerter.evaluate(observation);
      const of = (list: { kind: string }[]) => list.map((alert) => alert.kind);
      return { raised: of(changes.raised), resolved: of(changes.resolved), open: of(changes.open) };
    };
    const none = { raised: [], resolved: [], open: [] };
    try {
      await t.step("a calm model raises nothing", async () => {
        assert.deepEqual(await kinds(calmObservation()), none);
      });

      await t.step(
        "a drift raises one alert, held while it lasts, resolved when it clears",
        async () => {
          const first = await alerter.evaluate(driftedObservation());
          assert.equal(first.raised.length, 1);
          const [alert] = first.raised;
          assert.equal(alert.kind, "dataset_drift");
          assert.equal(alert.severity, "critical");
          assert.equal(alert.modelName, "churn");
          assert.match(alert.message, /^Dataset drift on churn v1: 4 of 9 columns drifted/);
          assert.equal(alert.details?.version, "v1");
          for (let run = 0; run < 3; run++) {
            assert.deepEqual(await kinds(driftedObservation()), {
              ...none,
              open: ["dataset_drift"],
            });
          }
          assert.equal((await listOpenAlerts(handle.db, "churn")).length, 1, "no storm");
          const cleared = await alerter.evaluate(calmObservation());
          assert.deepEqual(cleared.resolved.map((a) => a.id), [alert.id]);
          assert.ok(cleared.resolved[0].resolvedAt instanceof Date);
          assert.deepEqual(await kinds(calmObservation()), none);
          const again = await alerter.evaluate(driftedObservation());
          assert.equal(again.raised.length, 1);
          assert.notEqual(again.raised[0].id, alert.id, "a new breach is a new alert");
          await alerter.evaluate(calmObservation());
        },
      );

      await t.step("no feedback neither raises nor resolves an accuracy alert", async () => {
        const noFeedback: MonitorObservation = {
          ...calmObservation(),
          accuracy: { noFeedback: true },
        };
        assert.deepEqual(await kinds(noFeedback), none);
        const low = { ...calmObservation(), accuracy: { value: 0.6, n: 120 } };
        assert.deepEqual((await kinds(low)).raised, ["accuracy_below_threshold"]);
        assert.deepEqual(await kinds(noFeedback), none, "still open, untouched");
        assert.deepEqual((await listOpenAlerts(handle.db, "churn")).map((a) => a.kind), [
          "accuracy_below_threshold",
        ]);
        assert.deepEqual((await kinds(calmObservation())).resolved, ["accuracy_below_threshold"]);
      });

      await t.step("every condition at once, per model, with its severity", async () => {
        const bad: MonitorObservation = {
          ...driftedObservation("ticket-triage", "v7"),
          predictionDrift: { detected: true },
          accuracy: { value: 0.5, n: 80 },
          latencyP99Ms: { value: 900 },
        };
        const changes = await alerter.evaluate(bad);
        assert.deepEqual(
          Object.fromEntries(changes.raised.map((a) => [a.kind, a.severity])),
          {
            dataset_drift: "critical",
            prediction_drift: "warning",
            accuracy_below_threshold: "critical",
            latency_p99_over_budget: "warning",
          },
        );
        assert.deepEqual(await listOpenAlerts(handle.db, "churn"), [], "churn is unaffected");
        const { resolved } = await alerter.run([calmObservation("ticket-triage", "v7")]);
        assert.equal(resolved.length, 4);
      });

      await t.step("two runs racing raise one alert", async () => {
        const results = await Promise.all(
          Array.from({ length: 4 }, () => alerter.evaluate(driftedObservation("race"))),
        );
        assert.equal(results.flatMap((r) => r.raised).length, 1);
        assert.equal((await listOpenAlerts(handle.db, "race")).length, 1);
      });
    } finally {
      await alerter.close();
      await handle.close();
    }
  });
}
