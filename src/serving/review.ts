/**
 * Whether an answer should go to a person: a head's calibrated confidence below the threshold
 * that, on the version's validation split, kept the target precision. Each head has its own
 * threshold (`metrics.json` → `calibration.review`); one head under its own is enough.
 * @module
 */
import type { HeadOutput } from "../domain/head_output.ts";
import { reviewThreshold } from "../ml/metrics/calibration.ts";
import type { ServedModel } from "./registry/served_model.ts";

/** Per head, the confidence needed (Infinity: nothing meets the target; undefined: no curve). */
type Thresholds = (number | undefined)[];

const resolved = new WeakMap<ServedModel, { target: number; thresholds: Thresholds }>();

/** The review threshold of each head of `served` for `targetPrecision` (cached per version). */
export function reviewThresholds(served: ServedModel, targetPrecision: number): Thresholds {
  const cached = resolved.get(served);
  if (cached?.target === targetPrecision) return cached.thresholds;
  const thresholds = served.entry.codec.heads.map((head) => {
    const curve = served.metrics.heads.find((h) => h.head === head.name)?.calibration?.review;
    if (!curve) return undefined;
    return reviewThreshold(curve, targetPrecision) ?? Infinity;
  });
  resolved.set(served, { target: targetPrecision, thresholds });
  return thresholds;
}

/**
 * True when some calibrated head answered below its threshold; undefined for a version
 * trained before calibration (it has no thresholds to judge by).
 */
export function needsReview(
  served: ServedModel,
  outputs: readonly HeadOutput[],
  targetPrecision: number,
): boolean | undefined {
  const thresholds = reviewThresholds(served, targetPrecision);
  if (thresholds.every((threshold) => threshold === undefined)) return undefined;
  return outputs.some((output, h) => {
    const threshold = thresholds[h];
    return threshold !== undefined && output.confidence < threshold;
  });
}
