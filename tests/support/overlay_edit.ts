/**
 * What an edit of the committed manifests changes once rendered: the edit is made in a copy of
 * `gitops/`, and both renders (`kubectl kustomize`) are compared object by object.
 */
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { type K8sObject, renderKustomization } from "../../src/gitops/manifests.ts";

/** The rendered objects of `overlay` (e.g. `overlays/production`) that `edit` changes. */
export async function changedByEdit(
  root: string,
  overlay: string,
  edit: (gitopsCopy: string) => Promise<void>,
): Promise<K8sObject[]> {
  const copy = await Deno.makeTempDir({ prefix: "overlay-" });
  try {
    const gitops = join(copy, "gitops");
    await cp(join(root, "gitops"), gitops, { recursive: true });
    const before = await renderKustomization(join(gitops, overlay));
    await edit(gitops);
    const after = await renderKustomization(join(gitops, overlay));
    const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
    const previous = new Map(before.map((o) => [key(o), JSON.stringify(o)]));
    return after.filter((o) => previous.get(key(o)) !== JSON.stringify(o));
  } finally {
    await Deno.remove(copy, { recursive: true });
  }
}
