/**
 * The HTML report's script, run in the browser (serialised with `toString()` into the page):
 * one uPlot bar chart per column, reference and current side by side.
 * @module
 */

/** A chart as the page receives it. */
interface PageChart {
  title: string;
  kind: "num" | "cat";
  labels: (number | string)[];
  reference: number[];
  current: number[];
}

/** Draws each chart into `#chart-<index>`; `uPlot` is the inlined library's global. */
export function drawCharts(charts: PageChart[]): void {
  // deno-lint-ignore no-explicit-any
  const page = globalThis as any;
  const uPlot = page.uPlot;
  const label = (x: number | string) =>
    typeof x === "number" ? Number(x.toPrecision(3)).toString() : String(x);
  charts.forEach((chart, i) => {
    const xs = chart.labels.map((_, k) => k);
    const bars = (offset: number) => uPlot.paths.bars({ size: [0.4, 60], align: offset });
    // Numerical bins are many: label every few so the labels do not run together.
    const every = chart.kind === "num" ? Math.ceil(xs.length / 6) : 1;
    new uPlot(
      {
        width: 500,
        height: 240,
        scales: {
          x: { time: false, range: [-0.6, xs.length - 0.4] },
          y: { range: (_: unknown, _min: number, max: number) => [0, max * 1.05] },
        },
        axes: [
          {
            values: (_: unknown, ticks: number[]) =>
              ticks.map((t) =>
                t % every || chart.labels[t] === undefined ? "" : label(chart.labels[t])
              ),
            splits: () => xs,
            rotate: chart.kind === "cat" ? -30 : 0,
          },
          { label: "share" },
        ],
        series: [
          {},
          {
            label: "reference",
            stroke: "#1f77b4",
            fill: "#1f77b4aa",
            paths: bars(-1),
            points: { show: false },
          },
          {
            label: "current",
            stroke: "#ff7f0e",
            fill: "#ff7f0eaa",
            paths: bars(1),
            points: { show: false },
          },
        ],
      },
      [xs, chart.reference, chart.current],
      page.document.getElementById(`chart-${i}`),
    );
  });
}
