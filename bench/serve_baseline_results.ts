/**
 * The baseline's part of the "Serving" section (`deno task bench:serve --baseline <rev>`):
 * how it ran, the rule of "no regression beyond noise", and the target line judged by it.
 */
import { rps, taskPrefix } from "./serve_format.ts";
import { judgeRegression, type NoiseSample } from "./serve_noise.ts";
import type { ServerBench, ServingBench } from "./serve_results.ts";
import type { Target } from "./train_results.ts";

/** Ours at another revision, measured beside ours in the same run. */
export interface BaselineBench {
  /** The full commit hash, its abbreviation and the commit's subject. */
  commit: string;
  short: string;
  subject: string;
  /** Its start task's environment and V8 flags, read from its `deno.json`. */
  startTask: { env: Record<string, string>; v8Flags: string[] };
  server: ServerBench;
  /** Spawn to the first 200 of a prediction, one entry per run, in seconds. */
  startToFirst: number[];
}

const sample = (server: ServerBench, startToFirst: number[]): NoiseSample => ({
  rate: server.max.requestsPerSecond,
  rounds: server.rounds,
  startToFirst,
  peakMB: server.rssPeakMB,
  roundPeaksMB: server.roundPeaksMB,
});

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const mark = (regressed: boolean) => (regressed ? " ✗" : "");

/** "ours, PGlite: no regression against <rev> beyond noise", judged by `judgeRegression`. */
export function baselineTarget(bench: ServingBench, baseline: BaselineBench): Target {
  const { throughput, startToFirst, peakRss, regressed } = judgeRegression(
    sample(bench.ours, bench.startToFirst.pglite),
    sample(baseline.server, baseline.startToFirst),
  );
  return {
    target: `ours, PGlite: no regression against ${baseline.short} beyond noise`,
    measured: [
      `req/s ${rps(throughput.ours)} vs ${rps(throughput.baseline)}: ${
        percent(throughput.ratio)
      } (band ${percent(throughput.band)})${mark(throughput.regressed)}`,
      `start to first ${startToFirst.ours.toFixed(2)} vs ${startToFirst.baseline.toFixed(2)} s ` +
      `(band ${startToFirst.band.toFixed(2)} s)${mark(startToFirst.regressed)}`,
      `peak RSS ${peakRss.ours.toFixed(0)} vs ${peakRss.baseline.toFixed(0)} MB ` +
      `(band ${peakRss.band.toFixed(1)} MB)${mark(peakRss.regressed)}`,
    ].join("; "),
    met: !regressed,
  };
}

/** The paragraph saying how the baseline ran and the rule its target line is judged by. */
export function baselineParagraph(bench: ServingBench, baseline: BaselineBench): string {
  const rounds = bench.ours.rounds.length;
  const roundsText = `${rounds} round${rounds === 1 ? "" : "s"}`;
  return `"Ours at ${baseline.short}" is ours run from the source of commit ${baseline.commit} (${
    baseline.subject.replaceAll("|", "\\|")
  }): a detached \`git worktree\` of it in the run's temporary directory (removed at the end)
with its own \`node_modules\` (\`deno install\` from its lock), its \`src/main.ts\` run with its
\`deno.json\` as its own start task runs it (\`${
    taskPrefix(baseline.startTask)
  }\`, \`-A\` as ours), in a workspace of its own where its own pipeline trained the models it serves
(same data set and seed; its embedded database is that workspace's). It took part in every phase right after ours: warm-up, fixed rate,
the interleaved rounds, RSS, and start to first prediction (its 5 runs alternated with ours',
after one untimed start of each, as its sources were new to Deno's transpile cache). No
regression beyond noise, the rule: the noise band of a measure is the larger of ours' and the
baseline's own spread in this run. Throughput: the min-max range of a server's ${roundsText}
over its median rate; ours regresses when its median is below the baseline's by more than
that fraction. Start to first prediction: the min-max range of a server's 5 runs; ours
regresses when its median is above the baseline's by more than that. Peak RSS: the min-max
range of a server's per-round peaks (VmHWM reset through \`/proc/<pid>/clear_refs\` before each
round and read after it); ours regresses when its peak over the whole run is above the
baseline's by more than that. A difference inside the band is noise, an improvement never
counts, and with one round no spread is measured, so any loss of throughput or memory counts.`;
}
