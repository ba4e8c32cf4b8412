/**
 * The numbers the HTML report draws, from the column summaries (never rows): a numerical
 * column as both sides' shares over 20 common equal-width bins, a categorical column as both
 * sides' shares per value (the 30 most frequent in the reference, the rest together).
 * @module
 */
import type { ColumnDrift } from "../drift/column_drift.ts";
import { countsForEdges, linspace } from "../stats/histogram.ts";
import { pythonStr } from "../drift/python_values.ts";
import { valueCounts } from "../drift/value_counts.ts";

/** One chart: labels (bin starts or values) and the two sides' shares. */
export interface ChartData {
  kind: "num" | "cat";
  labels: (number | string)[];
  reference: number[];
  current: number[];
}

const bins = 20;
const maxCategories = 30;

function numerical(drift: ColumnDrift): ChartData {
  const a = drift.reference.sample!, b = drift.current.sample!;
  const lo = Math.min(a.values[0], b.values[0]);
  const hi = Math.max(a.values[a.values.length - 1], b.values[b.values.length - 1]);
  const edges = lo === hi ? linspace(lo - 0.5, hi + 0.5, bins + 1) : linspace(lo, hi, bins + 1);
  const shares = (s: typeof a) => countsForEdges(s, edges).map((c) => c / s.total);
  return { kind: "num", labels: edges.slice(0, -1), reference: shares(a), current: shares(b) };
}

function categorical(drift: ColumnDrift): ChartData {
  const ref = valueCounts(drift.reference), cur = valueCounts(drift.current);
  const total = (m: typeof ref) => [...m.values()].reduce((n, c) => n + c.count, 0);
  const [nr, nc] = [total(ref), total(cur)];
  const keys = [...new Set([...ref.keys(), ...cur.keys()])].sort((x, y) =>
    (ref.get(y)?.count ?? 0) - (ref.get(x)?.count ?? 0) ||
    (cur.get(y)?.count ?? 0) - (cur.get(x)?.count ?? 0)
  );
  const shown = keys.slice(0, maxCategories), rest = keys.slice(maxCategories);
  const label = (k: string | number) => {
    const c = ref.get(k) ?? cur.get(k)!;
    return pythonStr(c.value, c.integral);
  };
  const share = (m: typeof ref, n: number, ks: (string | number)[]) =>
    ks.reduce((sum: number, k) => sum + (m.get(k)?.count ?? 0), 0) / n;
  return {
    kind: "cat",
    labels: [...shown.map(label), ...(rest.length ? [`other (${rest.length})`] : [])],
    reference: [
      ...shown.map((k) => share(ref, nr, [k])),
      ...(rest.length ? [share(ref, nr, rest)] : []),
    ],
    current: [
      ...shown.map((k) => share(cur, nc, [k])),
      ...(rest.length ? [share(cur, nc, rest)] : []),
    ],
  };
}

/** The chart of a tested column. */
export function chartData(drift: ColumnDrift): ChartData {
  return drift.type === "num" && drift.reference.sample && drift.current.sample
    ? numerical(drift)
    : categorical(drift);
}
