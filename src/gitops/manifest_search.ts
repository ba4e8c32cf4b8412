/**
 * Which `models` manifest a new pointer can pin: one that holds every version it pins. The
 * candidates are the target's own manifest, `models.dvc`'s, and those the other environments
 * pin, in that order.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { dvcFileHash } from "../dvc/mod.ts";
import { listEnvironments, pointerPathOf, Refusal } from "./environments.ts";
import { type ModelPointer, readPointer } from "./pointer.ts";
import { type Pin, pinsOf, type VersionStore } from "./version_store.ts";

/** Every manifest hash worth searching under `root`, the target's first, without repeats. */
export async function candidateManifests(root: string, first?: string): Promise<string[]> {
  const found: (string | undefined)[] = [first];
  const modelsDvc = join(root, "models.dvc");
  if (existsSync(modelsDvc)) found.push(await dvcFileHash(modelsDvc));
  for (const env of listEnvironments(root)) {
    found.push((await readPointer(join(root, pointerPathOf(env))))?.models_dvc_md5);
  }
  return [...new Set(found.filter((md5): md5 is string => Boolean(md5)))];
}

/** Whether manifest `md5` holds every pin (an unreadable manifest holds none). */
async function holdsAll(store: VersionStore, md5: string, pins: readonly Pin[]) {
  for (const pin of pins) {
    if (!await store.holds(md5, pin.name, pin.version).catch(() => false)) return false;
  }
  return true;
}

/** The first candidate manifest holding every version `pointer` pins; refused when none does. */
export async function manifestFor(
  root: string,
  store: VersionStore,
  pointer: ModelPointer,
): Promise<string | undefined> {
  const pins = pinsOf(pointer);
  if (pins.length === 0) return pointer.models_dvc_md5;
  const candidates = await candidateManifests(root, pointer.models_dvc_md5);
  for (const md5 of candidates) {
    if (await holdsAll(store, md5, pins)) return md5;
  }
  const named = pins.map((p) => `${p.name} ${p.version}`).join(", ");
  throw new Refusal(
    `no models manifest holds ${named} together (searched models.dvc and every pointer's; ` +
      `the versions may be unknown, or need \`dvc pull\`, \`dvc add models\`, \`dvc push\`)`,
  );
}

/** The models that have a version named `version` in any candidate manifest. */
export async function modelsWithVersion(
  root: string,
  store: VersionStore,
  version: string,
): Promise<{ name: string; md5: string }[]> {
  const found = new Map<string, string>();
  for (const md5 of await candidateManifests(root)) {
    const entries = await store.manifest(md5).catch(() => []);
    for (const entry of entries) {
      const [name, entryVersion] = entry.relpath.split("/");
      if (entryVersion === version && !found.has(name)) found.set(name, md5);
    }
  }
  return [...found].map(([name, md5]) => ({ name, md5 }));
}
