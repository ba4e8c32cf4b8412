/**
 * `model:list`: every version of every model that `models.dvc` or a pointer's manifest holds,
 * with its gated test metric, the verdict the pipeline stored, when it was trained, and which
 * environments pin it (as champion or challenger).
 */
import { join } from "node:path";
import { gateMetric } from "../ml/training/gate.ts";
import { listEnvironments, pointerPathOf } from "./environments.ts";
import { candidateManifests } from "./manifest_search.ts";
import { readPointer } from "./pointer.ts";
import { pinsOf, type VersionStore } from "./version_store.ts";

/** One version as listed. */
export interface ListedVersion {
  name: string;
  version: string;
  /** `roc_auc 0.8123` per head, or why its metrics could not be read. */
  metrics: string;
  /** The gate verdict stored at registration: `pass`, `fail` or `–`. */
  gate: string;
  trainedAt?: string;
  /** `production`, `staging (challenger)`. */
  pinnedBy: string[];
}

/** Lists the versions, newest first per model. */
export async function listVersions(root: string, store: VersionStore): Promise<ListedVersion[]> {
  const pinnedBy = new Map<string, string[]>();
  for (const env of listEnvironments(root)) {
    const pointer = await readPointer(join(root, pointerPathOf(env)));
    for (const pin of pointer ? pinsOf(pointer) : []) {
      const key = `${pin.name}/${pin.version}`;
      const label = pin.role === "challenger" ? `${env} (challenger)` : env;
      pinnedBy.set(key, [...pinnedBy.get(key) ?? [], label]);
    }
  }
  const where = new Map<string, string>(); // name/version -> a manifest holding it
  for (const md5 of await candidateManifests(root)) {
    for (const entry of await store.manifest(md5).catch(() => [])) {
      const [name, version] = entry.relpath.split("/");
      if (version && !where.has(`${name}/${version}`)) where.set(`${name}/${version}`, md5);
    }
  }
  const listed: ListedVersion[] = [];
  for (const [key, md5] of where) {
    const [name, version] = key.split("/");
    const row: ListedVersion = {
      name,
      version,
      metrics: "",
      gate: "–",
      pinnedBy: pinnedBy.get(key) ?? [],
    };
    try {
      const metrics = await store.metrics(md5, name, version);
      row.metrics = metrics.heads.map((h) => {
        const gated = gateMetric(h);
        return `${h.head} ${gated.name} ${gated.value.toFixed(4)}`;
      }).join(", ");
      row.gate = metrics.gate ? (metrics.gate.promotable ? "pass" : "fail") : "–";
      row.trainedAt = (await store.card(md5, name, version)).created_at;
    } catch (error) {
      row.metrics = `metrics unavailable: ${error instanceof Error ? error.message : error}`;
    }
    listed.push(row);
  }
  for (const [key, envs] of pinnedBy) {
    if (where.has(key)) continue;
    const [name, version] = key.split("/");
    listed.push({ name, version, metrics: "in no manifest found", gate: "–", pinnedBy: envs });
  }
  return listed.sort((a, b) => a.name.localeCompare(b.name) || b.version.localeCompare(a.version));
}

/** The list as text: one block per model. */
export function formatVersions(versions: readonly ListedVersion[]): string {
  if (versions.length === 0) return "No model versions in models.dvc or any pointer yet.\n";
  const lines: string[] = [];
  let model = "";
  for (const v of versions) {
    if (v.name !== model) {
      if (model) lines.push("");
      model = v.name;
      lines.push(v.name);
    }
    const pinned = v.pinnedBy.length ? `  ← ${v.pinnedBy.join(", ")}` : "";
    const trained = v.trainedAt ? `  trained ${v.trainedAt}` : "";
    lines.push(`  ${v.version}  gate ${v.gate}  ${v.metrics}${trained}${pinned}`);
  }
  return lines.join("\n") + "\n";
}
