/**
 * The model page's version history: every version the deployment log names, oldest load
 * first, with its test metrics per head and the change from the version before it that had
 * metrics; who pinned it (the pointer commit of its first load).
 * @module
 */
import { html } from "hono/html";
import type { ModelDeployment } from "../../db/mod.ts";
import type { ModelMetrics } from "../../ml/version_files.ts";
import { shown } from "./chart.ts";
import type { Html } from "./layout.ts";
import { type PinnedBy, pointerCommitCell } from "./pointer_commit_cell.ts";

/** One version in the history. */
export interface HistoryVersion {
  version: string;
  /** When the log first names it, and its first load's record, if it ever loaded. */
  firstSeen: Date;
  firstLoad?: ModelDeployment;
  /** The roles it was loaded in. */
  roles: string[];
  /** Undefined when its files are not on this machine. */
  metrics?: ModelMetrics;
}

/** Versions listed at most (the newest). */
export const historyLimit = 20;

/** The versions `deployments` (newest first, as listed) name, oldest first, the last 20. */
export function historyVersions(
  deployments: readonly ModelDeployment[],
): Omit<HistoryVersion, "metrics">[] {
  const versions = new Map<string, Omit<HistoryVersion, "metrics">>();
  for (const d of [...deployments].reverse()) {
    const entry = versions.get(d.version) ??
      { version: d.version, firstSeen: d.createdAt, roles: [] };
    if (d.event === "loaded") {
      entry.firstLoad ??= d;
      if (!entry.roles.includes(d.role)) entry.roles.push(d.role);
    }
    versions.set(d.version, entry);
  }
  return [...versions.values()].slice(-historyLimit);
}

/** A metric of one head: test accuracy, macro F1, ROC AUC. */
interface Metric {
  head: string;
  label: string;
  value(metrics: ModelMetrics): number | undefined;
}

function metricsOf(versions: readonly HistoryVersion[]): Metric[] {
  const heads = new Map<string, boolean>();
  for (const v of versions) {
    for (const h of v.metrics?.heads ?? []) {
      heads.set(h.head, (heads.get(h.head) ?? false) || h.model.rocAuc !== undefined);
    }
  }
  const head = (m: ModelMetrics, name: string) => m.heads.find((h) => h.head === name)?.model;
  return [...heads].flatMap(([name, auc]) => [
    { head: name, label: "accuracy", value: (m: ModelMetrics) => head(m, name)?.accuracy },
    { head: name, label: "macro F1", value: (m: ModelMetrics) => head(m, name)?.macro.f1 },
    ...(auc
      ? [{ head: name, label: "ROC AUC", value: (m: ModelMetrics) => head(m, name)?.rocAuc }]
      : []),
  ]);
}

/** A signed change, as the table shows it. */
export const shownDelta = (delta: number): string =>
  delta > 0 ? `+${shown(delta)}` : delta < 0 ? shown(delta) : "±0";

/** The history table, newest version first. */
export function versionHistory(versions: readonly HistoryVersion[]): Html {
  if (versions.length === 0) {
    return html`<p class="muted">No version of this model was loaded yet.</p>`;
  }
  const metrics = metricsOf(versions);
  const rows: Html[] = [];
  let previous: HistoryVersion | undefined;
  for (const v of versions) {
    const cells = v.metrics
      ? metrics.map((m) => {
        const value = m.value(v.metrics!);
        const before = previous?.metrics && m.value(previous.metrics);
        const delta = value === undefined || before === undefined ? "" : html`
          <span class="delta">(${shownDelta(value - before)})</span>
        `;
        return html`<td class="num" data-metric="${m.head} ${m.label}">${
          shown(value)
        }${delta}</td>`;
      })
      : [html`<td colspan="${metrics.length || 1}" class="muted">metrics not available</td>`];
    rows.push(html`
      <tr data-version="${v.version}">
        <th scope="row">${v.version}</th>
        <td>${v.firstSeen.toISOString()}</td>
        <td>${v.roles.length > 0 ? v.roles.join(", ") : "never loaded"}</td>
        ${pointerCommitCell(v.firstLoad as PinnedBy | undefined)}
        <td>${v.metrics && previous ? previous.version : "–"}</td>
        ${cells}
      </tr>
    `);
    if (v.metrics) previous = v;
  }
  return html`
    <div class="table-wrap" tabindex="0">
      <table id="version-history">
        <caption>Test metrics of every version deployed, newest first; in brackets the change
          from the version before it with metrics</caption>
        <thead>
          <tr>
            <th scope="col">version</th>
            <th scope="col">first seen</th>
            <th scope="col">served as</th>
            <th scope="col">pinned by (pointer commit)</th>
            <th scope="col">compared with</th>
            ${metrics.length > 0
              ? metrics.map((m) => html`<th scope="col" class="num">${m.head} ${m.label}</th>`)
              : html`<th scope="col">metrics</th>`}
          </tr>
        </thead>
        <tbody>${rows.reverse()}</tbody>
      </table>
    </div>
  `;
}
