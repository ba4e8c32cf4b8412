/**
 * The model page: the served version's test metrics and gate verdict, confusion matrices,
 * per-class scores, a binary head's ROC and calibration from feedback, production accuracy
 * against the test figure, the version history with metric deltas, the deployment log (with
 * the pointer commit of each event) and the challenger's agreement.
 * @module
 */
import { html, raw } from "hono/html";
import type {
  AccuracyDay,
  ChallengerAgreement,
  LabelledScore,
  ModelDeployment,
} from "../../db/mod.ts";
import type { ModelMetrics } from "../../ml/version_files.ts";
import { chart, shown, timeRange } from "./chart.ts";
import type { Html } from "./layout.ts";
import { calibrationBins, rocCurve } from "./model_curves.ts";
import { pointerCommitCell } from "./pointer_commit_cell.ts";
import { type HistoryVersion, versionHistory } from "./version_history.ts";

/** What the model page shows of one model. */
export interface ModelPageData {
  models: readonly string[];
  name: string;
  served?: { version: string; metrics: ModelMetrics; threshold?: number };
  accuracy: AccuracyDay[];
  deployments: ModelDeployment[];
  /** Every version the deployment log names, oldest first, with its metrics when at hand. */
  history: HistoryVersion[];
  agreement: ChallengerAgreement[];
  /** A binary head's labelled scores (none for a multi-class model). */
  labelled: LabelledScore[];
}

type HeadEvaluation = ModelMetrics["heads"][number];

function heatmap(head: HeadEvaluation): Html {
  const { classes, confusionMatrix } = head.model;
  const max = Math.max(1, ...confusionMatrix.flat());
  return html`
    <div class="table-wrap" tabindex="0">
      <table class="heat" id="confusion-${head.head}">
        <caption>Confusion matrix, ${head.head} (rows: true class, columns: predicted)</caption>
        <thead>
          <tr><th scope="col">true \\ predicted</th>${classes.map((c) =>
            html`<th scope="col">${c}</th>`
          )}</tr>
        </thead>
        <tbody>${confusionMatrix.map((row, t) =>
          html`<tr><th scope="row">${classes[t]}</th>${
            row.map((n) => html`<td class="h${Math.round((5 * n) / max)}">${n}</td>`)
          }</tr>`
        )}</tbody>
      </table>
    </div>
  `;
}

function perClass(head: HeadEvaluation): Html {
  const classes = head.model.classes;
  const pick = (key: "precision" | "recall" | "f1") =>
    classes.map((c) => head.model.perClass[c]?.[key] ?? null);
  return chart(`chart-classes-${head.head}`, `Per-class scores on the test split, ${head.head}`, {
    x: classes.map((_, i) => i),
    labels: classes,
    xLabel: "class",
    yRange: [0, 1],
    series: [
      { label: "precision", kind: "points", values: pick("precision") },
      { label: "recall", kind: "points", values: pick("recall") },
      { label: "F1", kind: "bars", values: pick("f1") },
    ],
  });
}

/** Production accuracy of the served version per head: labelled and correct predictions. */
export function servedAccuracy(data: Pick<ModelPageData, "served" | "accuracy">) {
  const byHead = new Map<string, { labelled: number; correct: number }>();
  for (const day of data.accuracy.filter((d) => d.version === data.served?.version)) {
    const sum = byHead.get(day.head) ?? { labelled: 0, correct: 0 };
    sum.labelled += day.labelled;
    sum.correct += day.correct;
    byHead.set(day.head, sum);
  }
  return byHead;
}

function productionSection(data: ModelPageData): Html {
  const heads = data.served?.metrics.heads ?? [];
  const figures = servedAccuracy(data);
  const days = [...new Set(data.accuracy.map((d) => d.day))].sort();
  const daily = (head: string) =>
    days.map((day) => {
      const rows = data.accuracy.filter((d) => d.day === day && d.head === head);
      const labelled = rows.reduce((n, d) => n + d.labelled, 0);
      return labelled ? rows.reduce((n, d) => n + d.correct, 0) / labelled : null;
    });
  const dayStarts = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const cards = heads.map((h) => {
    const f = figures.get(h.head);
    return html`
      <li
        class="card"><span class="value" id="prod-accuracy-${h.head}">${f
          ? shown(f.correct / f.labelled)
          : "–"}</span><span class="label">production accuracy, ${h.head} (${f?.labelled ??
          0} labelled; test ${shown(h.model.accuracy)})</span></li>
    `;
  });
  const overTime = days.length === 0
    ? html`<p class="muted">No feedback yet: send labels on the Tickets page or to POST /v1/feedback.</p>`
    : chart("chart-production-accuracy", "Production accuracy per day against the test figure", {
      x: dayStarts,
      time: true,
      xRange: timeRange(dayStarts, 86_400),
      xLabel: "day (UTC)",
      yRange: [0, 1],
      series: heads.flatMap((h) => [
        { label: `${h.head} production`, values: daily(h.head) },
        { label: `${h.head} test`, values: days.map(() => h.model.accuracy), dashed: true },
      ]),
    });
  return html`<h2>Production accuracy (from feedback)</h2>
<ul class="cards">${cards}</ul>${overTime}`;
}

function binarySection(data: ModelPageData): Html {
  const roc = rocCurve(data.labelled, data.served?.threshold);
  if (!roc) return html``;
  const marked = roc.fpr.map((f, i) =>
    roc.atThreshold && f === roc.atThreshold.fpr && roc.tpr[i] === roc.atThreshold.tpr
      ? roc.tpr[i]
      : null
  );
  const bins = calibrationBins(data.labelled);
  return html`
    <h2>From production feedback (${data.labelled.length} labelled)</h2>
    <div class="grid">${chart(
      "chart-roc",
      `ROC curve, threshold ${shown(data.served?.threshold)}`,
      {
        x: roc.fpr,
        xLabel: "false-positive rate",
        xRange: [0, 1],
        yRange: [0, 1],
        series: [
          { label: "true-positive rate", values: roc.tpr },
          { label: "threshold", kind: "points", values: marked },
        ],
      },
    )}${chart("chart-calibration", "Calibration", {
      x: bins.map((b) => b.meanPredicted),
      xLabel: "mean predicted probability",
      xRange: [0, 1],
      yRange: [0, 1],
      series: [
        { label: "observed rate", values: bins.map((b) => b.observedRate) },
        { label: "perfect", values: bins.map((b) => b.meanPredicted), dashed: true },
      ],
    })}</div>
  `;
}

function servedSection(data: ModelPageData): Html {
  const served = data.served;
  if (!served) return html`<p class="bad">No version of ${data.name} is served.</p>`;
  const gate = served.metrics.gate;
  return html`<ul class="cards">${
    served.metrics.heads.map((h) =>
      html`
        <li
          class="card"><span class="value" id="test-accuracy-${h.head}">${shown(
            h.model.accuracy,
          )}</span><span class="label">test accuracy, ${h.head} (macro F1 ${shown(
            h.model.macro.f1,
          )}${h.model.rocAuc === undefined ? "" : `, ROC AUC ${shown(h.model.rocAuc)}`})</span></li>
      `
    )
  }</ul>
<h2>Gate verdict: <span class="${gate?.promotable === false ? "bad" : "good"}">${
    gate ? (gate.promotable ? "promotable" : "refused") : "not gated"
  }</span></h2>
${
    gate
      ? html`
        <div class="table-wrap" tabindex="0">
          <table id="gate-checks">
            <thead>
              <tr>
                <th scope="col">head</th>
                <th scope="col">metric</th>
                <th scope="col" class="num">value</th>
                <th scope="col" class="num">baseline</th>
                <th scope="col" class="num">pinned ${gate.pinnedVersion ?? ""}</th>
                <th scope="col" class="num">delta</th>
                <th scope="col">verdict</th>
              </tr>
            </thead>
            <tbody>${gate.checks.map((c) =>
              html`
                <tr>
                  <td>${c.head}</td>
                  <td>${c.metric}</td>
                  <td class="num">${shown(c.value)}</td>
                  <td class="num">${shown(c.baseline)}</td>
                  <td class="num">${shown(c.pinned)}</td>
                  <td class="num">${c.pinned === undefined ? "–" : shown(c.value - c.pinned)}</td>
                  <td>${c.reason}</td>
                </tr>
              `
            )}</tbody>
          </table>
        </div>
      `
      : ""
  }
${
    served.metrics.heads.map((h) =>
      html`
        <h2>Head ${h.head}</h2>
        <div class="grid"><div>${heatmap(h)}</div>${perClass(h)}</div>
      `
    )
  }`;
}

/** The model page's content. */
export function modelPage(data: ModelPageData): Html {
  const picker = html`<form class="filters" method="get" action="/dashboard/model">
<label for="model-choice">Model</label><select id="model-choice" name="model">${
    data.models.map((m) => html`<option${m === data.name ? raw(" selected") : ""}>${m}</option>`)
  }</select><button type="submit">Show</button></form>`;
  const deployments = html`
    <h2>Version history</h2>
    ${versionHistory(data.history)}
    <h2>Deployment log (who pinned what)</h2>
    <div class="table-wrap" tabindex="0">
      <table id="deployments">
        <thead>
          <tr>
            <th scope="col">when</th>
            <th scope="col">version</th>
            <th scope="col">role</th>
            <th scope="col">event</th>
            <th scope="col">environment</th>
            <th scope="col">reason</th>
            <th scope="col">pointer commit</th>
          </tr>
        </thead>
        <tbody>${data.deployments.slice(0, 30).map((d) =>
          html`
            <tr>
              <td>${d.createdAt.toISOString()}</td>
              <td>${d.version}</td>
              <td>${d.role}</td>
              <td>${d.event}</td>
              <td>${d.environment ?? "–"}</td>
              <td>${d.reason ?? ""}</td>
              ${pointerCommitCell(d)}
            </tr>
          `
        )}</tbody>
      </table>
    </div>
  `;
  const agreement = data.agreement.length === 0
    ? html`<p class="muted">No challenger scored this model's requests.</p>`
    : html`
      <div class="table-wrap" tabindex="0">
        <table id="challenger-agreement">
          <thead>
            <tr>
              <th scope="col">head</th>
              <th scope="col">champion</th>
              <th scope="col">challenger</th>
              <th scope="col" class="num">scored</th>
              <th scope="col" class="num">agreement</th>
            </tr>
          </thead>
          <tbody>${data.agreement.map((a) =>
            html`
              <tr>
                <td>${a.head}</td>
                <td>${a.champion}</td>
                <td>${a.challenger}</td>
                <td class="num">${a.scored}</td>
                <td class="num">${shown(a.agreed / a.scored)}</td>
              </tr>
            `
          )}</tbody>
        </table>
      </div>
    `;
  return html`${picker}
<p>Served version: <strong id="served-version">${data.served?.version ?? "none"}</strong></p>
${servedSection(data)}
${productionSection(data)}
${binarySection(data)}
${deployments}
<h2>Challenger agreement</h2>${agreement}`;
}
