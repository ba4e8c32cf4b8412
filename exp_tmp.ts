import { benchRows } from "./bench/bench_support.ts";
import { initTensorflow } from "./src/ml/backend.ts";
import { splitRows } from "./src/ml/train_and_evaluate.ts";
import { fitCandidate, predictProbabilities } from "./src/ml/train.ts";
import { classificationReport } from "./src/ml/metrics.ts";
import { ticketTriage } from "./src/models/ticket_triage/model.ts";
await initTensorflow();
const rows = benchRows().tickets;
const split = splitRows(ticketTriage, rows, 42);
const pick = (ix: number[]) => ix.map((i) => rows[i]);
const [train, validation, test] = [pick(split.train), pick(split.validation), pick(split.test)];
const K = Number(Deno.env.get("K") ?? 128);
const prep = ticketTriage.fitPreprocessing(train);
prep.vocabulary.maxTermsPerDoc = K;
const params = JSON.parse(Deno.args[0]);
const t = performance.now();
const fit = await fitCandidate(
  ticketTriage,
  prep,
  { l2: 0, maxEpochs: 12, dropout: 0, ...params },
  { train, validation },
  { seed: 42, label: "x" },
);
const secs = (performance.now() - t) / 1000;
const probs = predictProbabilities(ticketTriage, prep, fit.model, test.map(ticketTriage.inputOf));
const f1 = ticketTriage.heads.map((h, i) =>
  classificationReport(
    test.map((r) => ticketTriage.labels(r)[i]),
    probs[i].map((p) => h.classes[p.indexOf(Math.max(...p))]),
    h.classes,
  ).macro.f1.toFixed(4)
);
console.log(
  `RESULT K=${K} ${Deno.args[0]} secs=${secs.toFixed(1)} epochs=${fit.epochs} val=${
    fit.validationLoss.toFixed(4)
  } f1=${f1}`,
);
