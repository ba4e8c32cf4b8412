import assert from "node:assert/strict";
import { type DatabaseHandle, labelledPredictionPages, logPredictions } from "../../src/db/mod.ts";
import { feedback } from "../../src/db/schema.ts";
import { topics, urgencies } from "../../src/domain/ticket.ts";
import { classificationReport } from "../../src/ml/metrics/classification_metrics.ts";
import { type BinaryLabel, logLoss, rocAuc } from "../../src/ml/metrics/probability_metrics.ts";
import type { ModelMetrics } from "../../src/ml/version_files.ts";
import { computeWindowQuality, type HeadQuality } from "../../src/monitor/quality/mod.ts";
import { type SeededLabel, seedLabelledPredictions, seedWindow } from "../support/quality_seed.ts";

const churnHeads = [{ name: "churn", classes: ["0", "1"] }];
const triageHeads = [
  { name: "topic", classes: [...topics] },
  { name: "urgency", classes: [...urgencies] },
];
const pageSize = 7;

const churnTruth = (rows: SeededLabel[]) => rows.map((r) => Number(r.truth) as BinaryLabel);

/** Test metrics of a version as training stores them (only what the comparison reads). */
const versionMetrics = {
  name: "churn",
  version: "v1",
  heads: [{
    head: "churn",
    threshold: 0.5,
    model: {
      ...classificationReport(["0", "1", "1", "0"], ["0", "1", "0", "0"], ["0", "1"]),
      rocAuc: 0.8,
      logLoss: 0.5,
    },
  }],
} as unknown as ModelMetrics;

/** The quality contract on one driver: `open` returns an empty database; the suite closes it. */
export function qualitySuite(driver: string, open: () => Promise<DatabaseHandle>): void {
  Deno.test(`classification quality from feedback on ${driver}`, async (t) => {
    const handle = await open();
    const { db } = handle;
    try {
      await handle.migrate();
      const labels = await seedLabelledPredictions(db);
      const window = { modelName: "churn", modelVersion: "v1", ...seedWindow };
      const expected = labels.filter((l) =>
        l.modelName === "churn" && l.modelVersion === "v1" && l.inWindow
      );
      assert.ok(expected.length > 50, `only ${expected.length} labelled rows seeded`);

      await t.step("pages hold at most a page, each labelled row once, champion only", async () => {
        const seen = new Map<string, string>();
        let pages = 0;
        for await (const page of labelledPredictionPages(db, window, pageSize)) {
          pages++;
          assert.ok(page.length >= 1 && page.length <= pageSize);
          for (const row of page) {
            const key = `${row.predictionId}/${row.head}`;
            assert.ok(!seen.has(key), `${key} read twice`);
            seen.set(key, row.predicted);
          }
        }
        assert.equal(pages, Math.ceil(expected.length / pageSize));
        assert.deepEqual(
          seen,
          new Map(expected.map((l) => [`${l.predictionId}/${l.head}`, l.predicted])),
        );
      });

      await t.step("the window's quality equals a direct computation", async () => {
        const report = await computeWindowQuality(db, window, {
          heads: churnHeads,
          versionMetrics,
          pageSize,
        });
        assert.equal(report.status, "ok");
        assert.equal(report.n, expected.length);
        assert.deepEqual(report.read, {
          pages: Math.ceil(expected.length / pageSize),
          rows: expected.length,
          largestPage: pageSize,
          unknownHead: 0,
        });
        const head = report.heads[0] as HeadQuality;
        const direct = classificationReport(
          expected.map((l) => l.truth),
          expected.map((l) => l.predicted),
          ["0", "1"],
        );
        assert.deepEqual(head.current.confusionMatrix, direct.confusionMatrix);
        assert.equal(head.current.accuracy, direct.accuracy);
        assert.equal(head.current.f1, direct.macro.f1);
        assert.deepEqual(head.current.perClass["1"], {
          ...direct.perClass["1"],
          rocAuc: head.current.rocAuc,
        });
        const p1 = expected.map((l) => l.scores["1"]);
        assert.equal(head.current.rocAuc, rocAuc(churnTruth(expected), p1));
        assert.deepEqual(head.rocAucAccuracy, { method: "exact", errorBound: 0 });
        assert.ok(Math.abs(head.current.logLoss! - logLoss(churnTruth(expected), p1)) < 1e-12);
        assert.equal(head.reference?.accuracy, 0.75);
        assert.equal(head.delta?.accuracy, direct.accuracy - 0.75);
        assert.equal(head.delta?.rocAuc, head.current.rocAuc! - 0.8);
        assert.equal(head.threshold, 0.5);
      });

      await t.step("ROC AUC for churn from histograms is within its bound", async () => {
        const report = await computeWindowQuality(db, window, {
          heads: churnHeads,
          pageSize,
          exactScoreCap: 10,
          bins: 40,
        });
        const head = report.heads[0] as HeadQuality;
        const exact = rocAuc(churnTruth(expected), expected.map((l) => l.scores["1"]));
        assert.equal(head.rocAucAccuracy?.method, "histogram");
        const bound = head.rocAucAccuracy!.errorBound;
        assert.ok(
          Math.abs(head.current.rocAuc! - exact) <= bound,
          `${head.current.rocAuc}, ${exact}`,
        );
        assert.ok(bound < 0.05, `bound ${bound}`);
      });

      await t.step("a two-head model: each head from its own feedback", async () => {
        const triage = { ...window, modelName: "ticket-triage" };
        const report = await computeWindowQuality(db, triage, { heads: triageHeads, pageSize: 5 });
        for (const head of report.heads as HeadQuality[]) {
          const rows = labels.filter((l) =>
            l.modelName === "ticket-triage" && l.head === head.head
          );
          const classes = triageHeads.find((h) => h.name === head.head)!.classes;
          const direct = classificationReport(
            rows.map((l) => l.truth),
            rows.map((l) => l.predicted),
            classes,
          );
          assert.equal(head.n, rows.length);
          assert.deepEqual(head.current.confusionMatrix, direct.confusionMatrix);
        }
      });

      await t.step("a window without feedback says so; an empty one too", async () => {
        const quiet = { ...window, modelVersion: "v-quiet" };
        await logPredictions(db, [entry("v-quiet", "0.2")]);
        for (
          const w of [quiet, {
            ...window,
            start: new Date("2030-01-01"),
            end: new Date("2030-01-02"),
          }]
        ) {
          const report = await computeWindowQuality(db, w, { heads: churnHeads, versionMetrics });
          assert.equal(report.status, "no_feedback");
          assert.equal(report.n, 0);
          assert.deepEqual(report.heads, [{ head: "churn", status: "no_feedback", n: 0 }]);
          assert.equal(report.read.pages, 0);
        }
      });

      await t.step("a window with a single labelled row gives a clear result", async () => {
        const single = entry("v-single", "0.8");
        await logPredictions(db, [single]);
        await db.insert(feedback).values({
          predictionId: single.request.id,
          head: "churn",
          label: "1",
        });
        const report = await computeWindowQuality(db, { ...window, modelVersion: "v-single" }, {
          heads: churnHeads,
        });
        const head = report.heads[0] as HeadQuality;
        assert.equal(head.n, 1);
        assert.equal(head.current.accuracy, 1);
        assert.equal(head.current.rocAuc, null);
        assert.ok(head.current.logLoss! > 0);
      });
    } finally {
      await handle.close();
    }
  });
}

function entry(modelVersion: string, p: string) {
  const id = crypto.randomUUID();
  const probability = Number(p);
  return {
    request: {
      id,
      requestId: `r-${id}`,
      modelName: "churn",
      modelVersion,
      input: {},
      latencyMs: 1,
      createdAt: new Date(seedWindow.start.getTime() + 60_000),
    },
    outputs: [{
      role: "champion" as const,
      modelVersion,
      head: "churn",
      label: probability >= 0.5 ? "1" : "0",
      confidence: Math.max(probability, 1 - probability),
      scores: { "0": 1 - probability, "1": probability },
    }],
  };
}
