/**
 * numpy's histograms on weighted samples, to the bit: `np.linspace` edges, the equal-width
 * fast path of `np.histogram(a, bins=n)` (with its one-ulp corrections at the edges), the
 * searchsorted path for given edges, and `np.histogram_bin_edges(a, "sturges")`.
 * @module
 */
import { countBelow, type WeightedSample } from "./weighted_sample.ts";

/** np.linspace(start, stop, num) with endpoint=True. */
export function linspace(start: number, stop: number, num: number): number[] {
  const div = num - 1, delta = stop - start;
  const step = delta / div;
  const out = Array.from({ length: num }, (_, i) => step === 0 ? (i / div) * delta : i * step);
  for (let i = 0; i < num; i++) out[i] += start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** numpy's outer edges: the data's range, widened by 0.5 each side when it is one value. */
function outerEdges(sample: WeightedSample): [number, number] {
  if (sample.values.length === 0) return [0, 1];
  const first = sample.values[0], last = sample.values[sample.values.length - 1];
  return first === last ? [first - 0.5, last + 0.5] : [first, last];
}

/** np.histogram(a, bins=n): counts and edges, equal widths over the data's range. */
export function equalWidthHistogram(
  sample: WeightedSample,
  bins: number,
): { counts: number[]; edges: number[] } {
  const [first, last] = outerEdges(sample);
  const edges = linspace(first, last, bins + 1);
  const counts = new Array<number>(bins).fill(0);
  const denom = last - first;
  for (let i = 0; i < sample.values.length; i++) {
    const x = sample.values[i];
    let index = Math.trunc(((x - first) / denom) * bins);
    if (index === bins) index -= 1;
    if (x < edges[index]) index -= 1;
    if (x >= edges[index + 1] && index !== bins - 1) index += 1;
    counts[index] += sample.counts[i];
  }
  return { counts, edges };
}

/** np.histogram(a, bins=n, density=True) as `[density, edges]`. */
export function densityHistogram(sample: WeightedSample, bins: number): [number[], number[]] {
  const { counts, edges } = equalWidthHistogram(sample, bins);
  const total = counts.reduce((a, b) => a + b, 0);
  return [counts.map((c, i) => c / (edges[i + 1] - edges[i]) / total), edges];
}

/** np.histogram(a, edges)[0]: each bin half-open but the last, which includes its right edge. */
export function countsForEdges(sample: WeightedSample, edges: readonly number[]): number[] {
  const cumulative = edges.map((edge, i) =>
    countBelow(sample, edge, i === edges.length - 1 ? "right" : "left")
  );
  return cumulative.slice(1).map((c, i) => c - cumulative[i]);
}

/**
 * np.histogram_bin_edges of the two samples together with bins="sturges". `integral`: both
 * samples are of an integer dtype, where numpy keeps bins at least 1 wide.
 */
export function sturgesEdges(a: WeightedSample, b: WeightedSample, integral: boolean): number[] {
  const lo = Math.min(a.values[0], b.values[0]);
  const hi = Math.max(a.values[a.values.length - 1], b.values[b.values.length - 1]);
  const [first, last] = lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
  let width = (hi - lo) / (Math.log2(a.total + b.total) + 1);
  let bins = 1;
  if (width) {
    if (integral && width < 1) width = 1;
    bins = Math.ceil((last - first) / width);
  }
  return linspace(first, last, bins + 1);
}
