/**
 * Training benchmark: our tfjs models against scikit-learn on the same data and split,
 * side by side in one run, plus the serving-side cost of one instance. Writes the
 * "Training" section of bench/RESULTS.md and prints a summary. `--baseline <revision>` adds
 * the ticket model that revision's code trains on the same data, scored by today's code.
 *   deno task bench:train [--baseline <revision>]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { initTensorflow } from "../src/ml/inference/backend.ts";
import { tfjsForward } from "../src/ml/inference/tfjs_network.ts";
import { serializeModel } from "../src/ml/inference/artifact_io.ts";
import { compileNetwork, type Forward } from "../src/ml/inference/compiled_network.ts";
import type { HeadEvaluation, HeadScores } from "../src/ml/training/evaluate.ts";
import type { ModelDefinition } from "../src/domain/model_definition.ts";
import {
  splitRows,
  trainAndEvaluate,
  type TrainingOutcome,
} from "../src/ml/training/train_and_evaluate.ts";
import { scoreHoldout } from "../src/ml/training/holdout.ts";
import { trainingEntry } from "../src/models/training_catalog.ts";
import { churn } from "../src/models/churn/model.ts";
import { type TicketRow, ticketTriage } from "../src/models/ticket_triage/model.ts";
import { inputWidth } from "../src/models/ticket_triage/codec.ts";
import type { Split } from "../src/ml/training/split.ts";
import { defaultGeneration } from "../src/shared/generation_defaults.ts";
import {
  benchRows,
  machineInfo,
  root,
  runSklearnReference,
  type SklearnResult,
  timeCalls,
  writeDataset,
} from "./bench_support.ts";
import {
  header,
  type HoldoutBench,
  mergeResults,
  type MetricRow,
  type ModelBench,
  type SeedScores,
  summary,
  type TrainingBench,
  trainingSection,
} from "./train_results.ts";
import { trainBaseline } from "./train_baseline.ts";

const SEED = defaultGeneration.seed;
/** Data seeds of the hand-written comparison beside the default data set's. */
const otherDataSeeds = [1, 2, 3, 4];

/** Trains one model with tfjs and times it, then times serving one test instance. */
async function benchModel<Row, Input, Prep>(
  definition: ModelDefinition<Row, Input, Prep>,
  rows: readonly Row[],
  testIndices: readonly number[],
): Promise<
  { outcome: TrainingOutcome<Prep>; bench: Omit<ModelBench, "metrics" | "sklearnSeconds"> }
> {
  console.log(`Training ${definition.name} with tfjs (search + linear reference + evaluation) ...`);
  const started = performance.now();
  const outcome = await trainAndEvaluate(definition, rows, { seed: SEED, quiet: true });
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${seconds.toFixed(1)} s`);
  const inputs = testIndices.map((i) => definition.inputOf(rows[i]));
  const one = (call: number) => [inputs[call % inputs.length]];
  const encode = timeCalls((call) => definition.encode(outcome.preprocessing, one(call)));
  const timeForward = (forward: Forward) =>
    timeCalls((call) => forward(definition.encode(outcome.preprocessing, one(call))));
  const predictTfjs = timeForward(tfjsForward(outcome.model));
  const predict = timeForward(compileNetwork(await serializeModel(outcome.model)).forward);
  console.log(
    `  one instance: encode median ${encode.median.toFixed(3)} ms, predict median ${
      predict.median.toFixed(3)
    } ms (through tfjs ${predictTfjs.median.toFixed(3)} ms)`,
  );
  const bench = {
    name: definition.name,
    rows: rows.length,
    seconds,
    // Like for like with scikit-learn (one configuration fitted, vectorising included).
    selectedSeconds: outcome.preprocessingSeconds +
      outcome.search.find((t) => JSON.stringify(t.params) === JSON.stringify(outcome.params))!
        .seconds,
    search: outcome.search,
    subsets: outcome.subsets,
    calibration: outcome.evaluations.flatMap(({ head, calibration }) =>
      calibration ? [{ head, temperature: calibration.temperature, ece: calibration.ece }] : []
    ),
    encode,
    predict,
    predictTfjs,
  };
  return { outcome, bench };
}

const metricRow = (
  metric: string,
  evaluation: HeadEvaluation,
  score: (scores: HeadScores) => number,
  sklearn: number,
): MetricRow => ({
  metric,
  ours: score(evaluation.model),
  linear: score(evaluation.reference),
  sklearn,
});

type SklearnHoldout = NonNullable<SklearnResult["ticket-triage"]["holdout"]>;

/** Both sides' hand-written macro-F1, from their scores on the set. */
function seedScores(
  seed: number,
  ours: ReturnType<typeof scoreHoldout>,
  sklearn: SklearnHoldout,
): SeedScores {
  const [topic, urgency] = ours.map((head) => head.model.macro.f1);
  return { seed, ours: { topic, urgency }, sklearn: sklearn.macro_f1 };
}

/**
 * Ours and scikit-learn on the hand-written set, both trained on the tickets generated with
 * `seed` (split as the benchmark splits; the benchmark's customers beside them, as the
 * reference script reads both).
 */
async function holdoutAtSeed(
  seed: number,
  dir: string,
  holdout: { file: string; text: string; rows: readonly TicketRow[] },
  customers: { rows: readonly unknown[]; split: Split },
): Promise<SeedScores> {
  console.log(`Hand-written set, data seed ${seed}: generating, scikit-learn, tfjs ...`);
  const seedDir = join(dir, `seed-${seed}`);
  await Deno.mkdir(seedDir);
  const { tickets } = benchRows({ ...defaultGeneration, seed, customers: 0 });
  await writeDataset(seedDir, ticketTriage.name, tickets, splitRows(ticketTriage, tickets, SEED));
  await writeDataset(seedDir, churn.name, customers.rows, customers.split);
  await Deno.writeTextFile(join(seedDir, holdout.file), holdout.text);
  const sklearn = (await runSklearnReference(seedDir))["ticket-triage"].holdout!;
  const outcome = await trainAndEvaluate(ticketTriage, tickets, { seed: SEED, quiet: true });
  const ours = scoreHoldout(
    ticketTriage,
    outcome.preprocessing,
    outcome.model,
    holdout.rows,
    [undefined, undefined],
  );
  outcome.model.dispose();
  const scores = seedScores(seed, ours, sklearn);
  console.log(
    `  topic ${scores.ours.topic.toFixed(3)} vs ${scores.sklearn.topic.toFixed(3)}, urgency ${
      scores.ours.urgency.toFixed(3)
    } vs ${scores.sklearn.urgency.toFixed(3)}`,
  );
  return scores;
}

/** Ours and scikit-learn on the hand-written set: macro-F1 per head, recall of urgent levels. */
function holdoutBench(
  ours: ReturnType<typeof scoreHoldout>,
  sklearn: SklearnHoldout,
  otherSeeds: readonly SeedScores[],
): HoldoutBench {
  const [topic, urgency] = ours.map((head) => head.model);
  const recall = (level: "critical" | "high") => urgency.perClass[level].recall;
  return {
    rows: sklearn.rows,
    seeds: [seedScores(SEED, ours, sklearn), ...otherSeeds],
    metrics: [
      { metric: "topic macro-F1", ours: topic.macro.f1, sklearn: sklearn.macro_f1.topic },
      { metric: "urgency macro-F1", ours: urgency.macro.f1, sklearn: sklearn.macro_f1.urgency },
      { metric: "critical recall", ours: recall("critical"), sklearn: sklearn.recall.critical },
      { metric: "high recall", ours: recall("high"), sklearn: sklearn.recall.high },
    ],
  };
}

/**
 * Runs the whole benchmark in a temporary data directory; with `baseline`, that revision's
 * ticket model too.
 */
export async function trainBench({ baseline }: { baseline?: string } = {}): Promise<TrainingBench> {
  const loadAverage = Deno.loadavg();
  const backend = await initTensorflow();
  console.log(`tfjs backend: ${backend}`);
  const { tickets, customers } = defaultGeneration;
  console.log(
    `Generating the default data set (${tickets} tickets, ${customers} customers, seed ${SEED}) ...`,
  );
  const rows = benchRows();
  const splits = {
    tickets: splitRows(ticketTriage, rows.tickets, SEED),
    customers: splitRows(churn, rows.customers, SEED),
  };
  const dir = await Deno.makeTempDir({ prefix: "bench-train-" });
  try {
    await writeDataset(dir, ticketTriage.name, rows.tickets, splits.tickets);
    const holdoutSet = trainingEntry(ticketTriage.name).holdout!;
    const holdoutText = await Deno.readTextFile(join(root, holdoutSet.source));
    await Deno.writeTextFile(join(dir, holdoutSet.file), holdoutText);
    const holdoutRows: TicketRow[] = holdoutText.split("\n").filter((line) => line.trim())
      .map((line) => JSON.parse(line));
    await writeDataset(dir, churn.name, rows.customers, splits.customers);
    console.log("Running the scikit-learn reference ...");
    const sklearn = await runSklearnReference(dir);
    const sk = { ticket: sklearn["ticket-triage"], churn: sklearn.churn };
    console.log(
      `  ticket-triage ${sk.ticket.seconds.toFixed(1)} s, churn ${sk.churn.seconds.toFixed(2)} s`,
    );

    const ticket = await benchModel(ticketTriage, rows.tickets, splits.tickets.test);
    const { preprocessing } = ticket.outcome;
    const customer = await benchModel(churn, rows.customers, splits.customers.test);
    const [topic, urgency] = ticket.outcome.evaluations;
    const ours = scoreHoldout(
      ticketTriage,
      ticket.outcome.preprocessing,
      ticket.outcome.model,
      holdoutRows,
      [undefined, undefined],
    );
    const baselineBench = baseline === undefined ? undefined : await trainBaseline(
      baseline,
      dir,
      { rows: rows.tickets, split: splits.tickets },
      holdoutRows,
    );
    const otherSeeds: SeedScores[] = [];
    for (const seed of otherDataSeeds) {
      otherSeeds.push(
        await holdoutAtSeed(
          seed,
          dir,
          { file: holdoutSet.file, text: holdoutText, rows: holdoutRows },
          { rows: rows.customers, split: splits.customers },
        ),
      );
    }
    const holdout = holdoutBench(ours, sk.ticket.holdout!, otherSeeds);
    const [churned] = customer.outcome.evaluations;
    for (const { outcome } of [ticket, customer]) outcome.model.dispose();
    return {
      date: new Date().toISOString().slice(0, 10),
      loadAverage,
      machine: {
        ...(await machineInfo(backend)),
        Python: sklearn.python,
        "scikit-learn": sklearn.sklearn,
      },
      ticket: {
        ...ticket.bench,
        vocabulary: {
          words: preprocessing.vocabulary.terms.length,
          characters: preprocessing.characters?.terms.length ?? 0,
          perInstance: inputWidth(preprocessing),
        },
        sklearnSeconds: sk.ticket.seconds,
        holdout,
        metrics: [
          metricRow("topic macro-F1", topic, (s) => s.macro.f1, sk.ticket.macro_f1.topic),
          metricRow("urgency macro-F1", urgency, (s) => s.macro.f1, sk.ticket.macro_f1.urgency),
        ],
      },
      churn: {
        ...customer.bench,
        sklearnSeconds: sk.churn.seconds,
        metrics: [metricRow("ROC AUC", churned, (s) => s.rocAuc!, sk.churn.roc_auc)],
      },
      ...(baselineBench && { baseline: baselineBench }),
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Writes the Training section into bench/RESULTS.md, keeping the file's other sections. */
export async function writeResults(bench: TrainingBench): Promise<string> {
  const path = join(root, "bench/RESULTS.md");
  const existing = await Deno.readTextFile(path).catch(() => "");
  await Deno.writeTextFile(path, mergeResults(existing, header(bench), trainingSection(bench)));
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", path], cwd: root }).output();
  return path;
}

if (import.meta.main) {
  const { values } = parseArgs({ args: Deno.args, options: { baseline: { type: "string" } } });
  const bench = await trainBench({ baseline: values.baseline });
  const path = await writeResults(bench);
  console.log(`\nWrote ${path}\n\n${summary(bench)}`);
}
