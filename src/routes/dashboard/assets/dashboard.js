// The dashboard's charts: each <figure data-chart="…"> holds its numbers as JSON (the page
// also lists them in a table); this draws them with uPlot, served by the app like this file.
// After drawing, the figure's data-drawn attribute holds the data the chart plotted.
"use strict";

const palette = ["#1f5fa8", "#b3261e", "#2e7d32", "#6a3d9a", "#b35900", "#00838f"];
const height = 220;

/** Bars start at zero: a bar's height is its value. */
const fromZero = (_, _min, max) => [0, max > 0 ? max * 1.1 : 1];

function seriesOptions(spec) {
  const bars = spec.series.filter((s) => s.kind === "bars").length;
  let barIndex = 0;
  return spec.series.map((s, i) => {
    const color = s.color ?? palette[i % palette.length];
    if (s.kind === "bars") {
      const align = bars === 1 ? 0 : barIndex++ === 0 ? -1 : 1;
      return {
        label: s.label,
        scale: s.right ? "y2" : "y",
        stroke: color,
        fill: color + "99",
        paths: globalThis.uPlot.paths.bars({ size: [bars === 1 ? 0.6 : 0.4, 60], align }),
        points: { show: false },
      };
    }
    if (s.kind === "points") {
      return {
        label: s.label,
        scale: s.right ? "y2" : "y",
        stroke: color,
        fill: color,
        paths: () => null,
        points: { size: 10 },
      };
    }
    return {
      label: s.label,
      scale: s.right ? "y2" : "y",
      stroke: color,
      width: 2,
      dash: s.dashed ? [6, 4] : undefined,
      points: { show: s.values.length <= 31 },
    };
  });
}

function xAxis(spec) {
  if (!spec.labels) return {};
  const labels = spec.labels;
  return {
    splits: () => spec.x,
    values: (_, ticks) => ticks.map((t) => labels[t] ?? ""),
    rotate: labels.length > 4 ? -40 : 0,
    size: labels.length > 4 ? 70 : 40,
  };
}

function draw(figure) {
  const spec = JSON.parse(figure.dataset.chart);
  const host = figure.querySelector(".plot");
  const width = () => Math.max(200, host.clientWidth);
  const bars = spec.series.some((s) => s.kind === "bars");
  const xRange = spec.labels ? [-0.6, spec.x.length - 0.4] : spec.xRange;
  const right = spec.series.some((s) => s.right);
  const options = {
    width: width(),
    height,
    scales: {
      x: { time: Boolean(spec.time), ...(xRange ? { range: xRange } : {}) },
      y: spec.yRange ? { range: spec.yRange } : bars ? { range: fromZero } : {},
      ...(right ? { y2: { range: fromZero } } : {}),
    },
    axes: [
      { ...xAxis(spec), label: spec.xLabel },
      { label: spec.yLabel, size: 50 },
      ...(right
        ? [{ scale: "y2", side: 1, label: spec.y2Label, size: 50, grid: { show: false } }]
        : []),
    ],
    series: [{ label: spec.xLabel ?? "x" }, ...seriesOptions(spec)],
    cursor: { show: true },
  };
  const data = [spec.x, ...spec.series.map((s) => s.values)];
  const plot = new globalThis.uPlot(options, data, host);
  new ResizeObserver(() => plot.setSize({ width: width(), height })).observe(host);
  figure.dataset.drawn = JSON.stringify(plot.data);
}

for (const figure of document.querySelectorAll("figure[data-chart]")) draw(figure);
