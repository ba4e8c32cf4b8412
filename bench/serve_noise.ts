/**
 * The numbers behind "no regression beyond noise" in `deno task bench:serve --baseline`: a
 * difference between ours and the baseline counts only when it is wider than the spread the
 * same run measured between rounds of one server.
 */

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Max minus min; 0 for fewer than two values (no spread measured). */
export function spread(values: readonly number[]): number {
  return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
}

/** What the judgement reads of one server. */
export interface NoiseSample {
  /** Requests/s reported for the server (its median round) and of every round. */
  rate: number;
  rounds: readonly number[];
  /** Seconds from spawn to the first prediction, one per run. */
  startToFirst: readonly number[];
  /** VmHWM of the whole run, and of each round on its own, in MB. */
  peakMB: number;
  roundPeaksMB: readonly number[];
}

/** Ours against the baseline on one measure; `band` is in the measure's unit. */
export interface Comparison {
  ours: number;
  baseline: number;
  band: number;
  /** Worse than the baseline by more than the band. */
  regressed: boolean;
}

/** The three comparisons; `throughput` compares ratios (ours / baseline against 1). */
export interface RegressionJudgement {
  throughput: Comparison & { ratio: number };
  startToFirst: Comparison;
  peakRss: Comparison;
  regressed: boolean;
}

/**
 * Judges ours against the baseline. The noise band of each measure is the larger of the two
 * servers' own spreads in this run: for throughput the min-max range of a server's rounds over
 * its reported rate (relative), for start to first prediction the min-max range of its runs
 * (seconds), for peak memory the min-max range of its per-round peaks (MB). Ours regresses on
 * a measure when it is worse than the baseline by more than that band.
 */
export function judgeRegression(ours: NoiseSample, baseline: NoiseSample): RegressionJudgement {
  const relative = (s: NoiseSample) => spread(s.rounds) / s.rate;
  const rateBand = Math.max(relative(ours), relative(baseline));
  const ratio = ours.rate / baseline.rate;
  const throughput = {
    ours: ours.rate,
    baseline: baseline.rate,
    band: rateBand,
    ratio,
    regressed: ratio < 1 - rateBand,
  };
  const higherIsWorse = (a: number, b: number, band: number): Comparison => ({
    ours: a,
    baseline: b,
    band,
    regressed: a - b > band,
  });
  const startToFirst = higherIsWorse(
    median(ours.startToFirst),
    median(baseline.startToFirst),
    Math.max(spread(ours.startToFirst), spread(baseline.startToFirst)),
  );
  const peakRss = higherIsWorse(
    ours.peakMB,
    baseline.peakMB,
    Math.max(spread(ours.roundPeaksMB), spread(baseline.roundPeaksMB)),
  );
  return {
    throughput,
    startToFirst,
    peakRss,
    regressed: throughput.regressed || startToFirst.regressed || peakRss.regressed,
  };
}
