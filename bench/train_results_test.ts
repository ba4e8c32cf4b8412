import assert from "node:assert/strict";
import {
  type BaselineBench,
  checkTargets,
  type ModelBench,
  type TrainingBench,
  trainingSection,
} from "./train_results.ts";

const timing = { median: 0.05, p99: 0.1 };

const model = (name: string, metrics: ModelBench["metrics"]): ModelBench => ({
  name,
  rows: 1000,
  metrics,
  seconds: 20,
  selectedSeconds: 18,
  sklearnSeconds: 15,
  search: [],
  subsets: [],
  calibration: [],
  encode: timing,
  predict: timing,
  predictTfjs: timing,
});

const ticket = model("ticket-triage", [
  { metric: "topic macro-F1", ours: 0.92, linear: 0.92, sklearn: 0.925 },
  { metric: "urgency macro-F1", ours: 0.74, linear: 0.74, sklearn: 0.75 },
]);
ticket.holdout = {
  rows: 240,
  metrics: [
    { metric: "topic macro-F1", ours: 0.89, sklearn: 0.88 },
    { metric: "urgency macro-F1", ours: 0.7, sklearn: 0.5 },
    { metric: "critical recall", ours: 0.72, sklearn: 0.33 },
    { metric: "high recall", ours: 0.74, sklearn: 0.44 },
  ],
  seeds: [{
    seed: 42,
    ours: { topic: 0.89, urgency: 0.7 },
    sklearn: { topic: 0.88, urgency: 0.5 },
  }],
};

const bench = (baseline?: BaselineBench): TrainingBench => ({
  date: "2026-12-06",
  loadAverage: [1, 1, 1],
  machine: { CPUs: "2" },
  ticket,
  churn: model("churn", [{ metric: "ROC AUC", ours: 0.84, linear: 0.84, sklearn: 0.841 }]),
  ...(baseline && { baseline }),
});

const baseline: BaselineBench = {
  commit: "462f24162e453f4caf8d68ccb591590cfafe90a0",
  short: "462f241",
  subject: "A | subject",
  seconds: 70,
  test: { topic: 0.925, urgency: 0.78 },
  handwritten: { topic: 0.86, urgency: 0.52 },
  criticalRecall: 0.34,
};

Deno.test("a baseline adds its targets: in-distribution within a point, training no longer", () => {
  const without = checkTargets(bench());
  const targets = checkTargets(bench(baseline));
  assert.equal(targets.length, without.length + 2);
  const inDistribution = targets.find((t) => t.target.startsWith("test split (in distribution)"))!;
  assert.equal(inDistribution.measured, "-0.50 / -4.00 points");
  assert.equal(inDistribution.met, false);
  const time = targets.find((t) => t.target.includes("no longer than 462f241's"))!;
  assert.deepEqual([time.measured, time.met], ["20.0 s against 70.0 s", true]);
  const close = checkTargets(bench({ ...baseline, test: { topic: 0.925, urgency: 0.745 } }));
  assert.equal(close.find((t) => t.target.startsWith("test split"))!.met, true);
});

Deno.test("the section sets the baseline's scores beside ours, its subject escaped", () => {
  const section = trainingSection(bench(baseline));
  assert.ok(section.includes("Against 462f241 (A \\| subject)"), section);
  assert.match(
    section,
    /\| hand-written set: urgency macro-F1 \| 0\.7000 \| 0\.5200 \| \+18\.00 \|/,
  );
  assert.match(section, /\| training seconds, whole step \| 20\.0 \| 70\.0 \| ratio 0\.29x \|/);
  assert.ok(!trainingSection(bench()).includes("Against"));
});

Deno.test("the section reports each head's calibration and the fitted vocabulary", () => {
  const calibrated: ModelBench = {
    ...ticket,
    calibration: [{
      head: "topic",
      temperature: 0.8,
      ece: { validation: { before: 0.05, after: 0.02 }, test: { before: 0.06, after: 0.03 } },
    }],
    vocabulary: { words: 20_000, characters: 20_000, perInstance: 352 },
  };
  const section = trainingSection({ ...bench(), ticket: calibrated });
  assert.match(section, /\| topic \| 0\.800 \| 0\.0500 → 0\.0200 \| 0\.0600 → 0\.0300 \|/);
  assert.ok(section.includes("20,000 word terms and 20,000 character n-grams"), section);
  assert.ok(section.includes("at most 352 of them"));
  assert.ok(!trainingSection(bench()).includes("Calibration ("));
});
