/**
 * Model versions as DVC stores them, read without the dvc CLI: `.dir` manifests (the `models`
 * directory hash a pointer pins), each version's `metrics.json` and `card.json`, its model hash
 * (what a server reports for it), and whether every file of it is in the team's remote.
 */
import { join } from "node:path";
import {
  CorruptArtifactError,
  defaultSources,
  type DirEntry,
  dirHash,
  fetchObject,
  MissingArtifactError,
  readDirManifest,
  readTrackedFile,
  s3OptionsFromEnv,
} from "../dvc/mod.ts";
import type { ModelCard, ModelMetrics } from "../ml/version_files.ts";
import type { ModelPointer } from "./pointer.ts";
import { Refusal } from "./environments.ts";
import { shownUrl, type TeamRemote } from "./team_remote.ts";

/** One version a pointer pins, in one role. */
export interface Pin {
  name: string;
  version: string;
  role: "champion" | "challenger";
}

/** Every version `pointer` pins: champions, then challengers. */
export function pinsOf(pointer: ModelPointer): Pin[] {
  const pins: Pin[] = [];
  for (const [name, pinned] of Object.entries(pointer.models)) {
    pins.push({ name, version: pinned.version, role: "champion" });
    if (pinned.challenger) pins.push({ name, version: pinned.challenger, role: "challenger" });
  }
  return pins;
}

/** Reads versions from the workspace, the local cache, then the team's remote. */
export interface VersionStore {
  readonly remote: TeamRemote;
  /** The entries of the `models` manifest `md5` (memoized). */
  manifest(md5: string): Promise<DirEntry[]>;
  /** Whether manifest `md5` holds `<name>/<version>/`. */
  holds(md5: string, name: string, version: string): Promise<boolean>;
  metrics(md5: string, name: string, version: string): Promise<ModelMetrics>;
  card(md5: string, name: string, version: string): Promise<ModelCard>;
  /** The hash a server computes over the version's files (`model_hash` of `/v1/models`). */
  modelHash(md5: string, name: string, version: string): Promise<string>;
  /**
   * Refuses unless every file of every pinned version is in the team's remote with the right
   * md5 (fetched from there alone), under the pointer's own `models_dvc_md5`.
   */
  assertPushed(pointer: ModelPointer, what: string): Promise<void>;
}

/** Options of {@link versionStore}. */
export interface VersionStoreOptions {
  root: string;
  remote: TeamRemote;
  /** The standard `AWS_*` variables, for an `s3://` remote. */
  env?: Record<string, string | undefined>;
}

/** A store over `root`'s `models/`, `.dvc/cache` and the team's remote. */
export function versionStore(options: VersionStoreOptions): VersionStore {
  const s3 = s3OptionsFromEnv(options.env ?? {});
  const sources = defaultSources({
    root: options.root,
    workspaceDir: "models",
    cacheDir: join(".dvc", "cache"),
    remoteUrl: options.remote.url,
    s3,
  });
  const remoteOnly = defaultSources({ root: options.root, remoteUrl: options.remote.url, s3 });
  const manifests = new Map<string, Promise<DirEntry[]>>();
  const manifest = (md5: string) => {
    let entries = manifests.get(md5);
    if (!entries) {
      entries = readDirManifest(md5, sources, "models");
      manifests.set(md5, entries);
      entries.catch(() => manifests.delete(md5));
    }
    return entries;
  };
  const json = async <T>(md5: string, name: string, version: string, file: string) => {
    const bytes = await readTrackedFile({
      dirMd5: md5,
      relpath: `${name}/${version}/${file}`,
      sources,
    });
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  };
  const where = `the DVC remote "${options.remote.name}" (${shownUrl(options.remote.url)})`;
  return {
    remote: options.remote,
    manifest,
    holds: async (md5, name, version) =>
      (await manifest(md5)).some((e) => e.relpath.startsWith(`${name}/${version}/`)),
    metrics: (md5, name, version) => json<ModelMetrics>(md5, name, version, "metrics.json"),
    card: (md5, name, version) => json<ModelCard>(md5, name, version, "card.json"),
    modelHash: async (md5, name, version) => {
      const prefix = `${name}/${version}/`;
      const entries = (await manifest(md5)).filter((e) => e.relpath.startsWith(prefix));
      if (entries.length === 0) throw new Error(`manifest ${md5} holds no ${prefix}`);
      return dirHash(entries.map((e) => ({ md5: e.md5, relpath: e.relpath.slice(prefix.length) })));
    },
    assertPushed: async (pointer, what) => {
      const pins = pinsOf(pointer);
      if (pins.length === 0) return;
      const md5 = pointer.models_dvc_md5;
      if (!md5) throw new Refusal(`${what} pins versions but no models_dvc_md5 to find them by`);
      const entries = await manifest(md5).catch((error) => {
        throw new Refusal(
          `cannot read the models manifest ${md5} that ${what} pins: ${reason(error)}`,
        );
      });
      const inRemote = async (hash: string, artifact: string, missing: string) => {
        try {
          await fetchObject({ hash, artifact }, remoteOnly);
        } catch (error) {
          if (error instanceof MissingArtifactError) {
            throw new Refusal(
              `${missing} is not in ${where}: push it first (\`dvc push -r ${options.remote.name}\`)`,
            );
          }
          if (error instanceof CorruptArtifactError) {
            throw new Refusal(`${missing} is corrupt in ${where}`);
          }
          throw new Refusal(`cannot check ${where} for ${missing}: ${reason(error)}`);
        }
      };
      for (const pin of pins) {
        const prefix = `${pin.name}/${pin.version}/`;
        const files = entries.filter((e) => e.relpath.startsWith(prefix));
        if (files.length === 0) throw new Refusal(`manifest ${md5} (${what}) holds no ${prefix}`);
        for (const file of files) {
          await inRemote(
            file.md5,
            `models/${file.relpath}`,
            `${pin.name} ${pin.version} (${what})`,
          );
        }
      }
      await inRemote(md5, `models manifest ${md5}`, `the models manifest ${md5} (${what})`);
    },
  };
}

const reason = (error: unknown) => error instanceof Error ? error.message : String(error);
