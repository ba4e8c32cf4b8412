import type { Network } from "../../ml/inference/compiled_network.ts";
import type { ModelCard, ModelMetrics } from "../../ml/version_files.ts";
import type { CatalogEntry } from "../../models/catalog.ts";
import { type HeadOutput, headOutput } from "../../domain/head_output.ts";
import { applyTemperature } from "../../ml/metrics/calibration.ts";

/** A loaded model version ready to score. */
export interface ServedModel {
  name: string;
  version: string;
  /** DVC hash of the version's folder (`models/<name>/<version>`), as `dvc add` gives it. */
  modelHash: string;
  entry: CatalogEntry;
  /** The network serving scores with: compiled to plain JS, or tfjs when it cannot be. */
  network: Network;
  preprocessing: unknown;
  metrics: ModelMetrics;
  card: ModelCard;
  /** The decision threshold of the binary head (from `metrics.json`), if there is one. */
  threshold: number | undefined;
  /** Per head, the calibration temperature (from `metrics.json`); undefined: none. */
  temperatures: (number | undefined)[];
  /** `reference_stats.json` as fetched (md5-verified), for the monitor; none for older versions. */
  referenceStats?: Uint8Array;
  loadedAt: Date;
}

/**
 * Scores validated inputs, each head's probabilities at the version's calibration temperature.
 * Fully synchronous (encode, forward, read back), so a hot swap
 * can never interleave with a prediction in flight.
 */
export function scoreInstances(served: ServedModel, inputs: readonly unknown[]): HeadOutput[][] {
  const { codec } = served.entry;
  const { threshold, temperatures } = served;
  const perHead = served.network.forward(codec.encode(served.preprocessing, inputs));
  return inputs.map((_, row) =>
    codec.heads.map((head, h) => {
      const width = head.classes.length;
      const raw = perHead[h].subarray(row * width, (row + 1) * width);
      const temperature = temperatures[h];
      const probabilities = temperature === undefined ? raw : applyTemperature(raw, temperature);
      return headOutput(head, probabilities, width === 2 ? threshold : undefined);
    })
  );
}
