import { dirHashOfFiles } from "../../dvc/mod.ts";
import type { Logger } from "../../shared/logger.ts";
import { compileNetwork, type Network } from "../../ml/inference/compiled_network.ts";
import { type NetworkArtifacts, UnsupportedNetwork } from "../../ml/inference/layers_topology.ts";
import { parseVersion, referenceStatsFileName, type VersionFiles } from "../../ml/version_files.ts";
import { catalogEntry } from "../../models/catalog.ts";
import type { ServedModel } from "./served_model.ts";

/** Where version files come from (workspace, DVC cache, DVC remote); verifies what it returns. */
export interface ArtifactSource {
  /** `modelsMd5`: the `models` directory hash the pointer pins, when it pins one. */
  fetch(name: string, version: string, modelsMd5?: string): Promise<VersionFiles>;
  /**
   * One file of a version when it is at hand on this machine (never fetched from a remote,
   * not verified: for display), undefined otherwise.
   */
  localFile(name: string, version: string, file: string): Promise<Uint8Array | undefined>;
}

/**
 * Fetches one version (md5-verified by the source), parses its artifacts and compiles its
 * network into the plain forward pass; tfjs, with a warning, only for a network that pass
 * cannot reproduce.
 */
export async function loadVersion(
  source: ArtifactSource,
  logger: Logger,
  name: string,
  version: string,
  modelsMd5: string | undefined,
): Promise<ServedModel> {
  const entry = catalogEntry(name);
  const files = await source.fetch(name, version, modelsMd5);
  const { network: artifacts, ...stored } = parseVersion(files, entry.codec);
  let network: Network;
  try {
    network = compileNetwork(artifacts);
  } catch (error) {
    if (!(error instanceof UnsupportedNetwork)) throw error;
    logger.warn("Scoring through tfjs: no plain forward pass", {
      name,
      version,
      reason: error.message,
    });
    network = await loadTfjsNetwork(artifacts);
  }
  const threshold = stored.metrics.heads.find((head) => head.threshold !== undefined)?.threshold;
  const temperatures = entry.codec.heads.map((head) =>
    stored.metrics.heads.find((evaluation) => evaluation.head === head.name)?.calibration
      ?.temperature
  );
  const modelHash = dirHashOfFiles([...files].map(([relpath, bytes]) => ({ relpath, bytes })));
  const referenceStats = files.get(referenceStatsFileName);
  return {
    name,
    version,
    modelHash,
    entry,
    ...stored,
    network,
    threshold,
    temperatures,
    ...(referenceStats ? { referenceStats } : {}),
    loadedAt: new Date(),
  };
}

/** tfjs only for a model the compiled pass cannot score, so a server normally never loads it. */
async function loadTfjsNetwork(artifacts: NetworkArtifacts): Promise<Network> {
  // Imported only here, when needed: tfjs stays out of the modules loaded at startup.
  const tfjs = await import("../../ml/inference/tfjs_network.ts").catch(
    (error) => {
      throw new Error(
        `This network needs tfjs, which this installation lacks (the container image ships ` +
          `the server's packages only): ${error instanceof Error ? error.message : error}`,
      );
    },
  );
  return tfjs.loadTfjsNetwork(artifacts);
}
