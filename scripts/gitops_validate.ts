/**
 * Renders every overlay of gitops/overlays (and gitops/argocd) with `kubectl kustomize` and
 * validates every object against its schema, offline. Exits 1 naming each problem.
 *   deno task gitops:validate
 */
import { runMain } from "../src/cli.ts";
import { listEnvironments, overlaysDir } from "../src/gitops/environments.ts";
import { renderKustomization, schemaProblems } from "../src/gitops/manifests.ts";

if (import.meta.main) {
  await runMain(async () => {
    const dirs = [...listEnvironments(".").map((env) => `${overlaysDir}/${env}`), "gitops/argocd"];
    const problems: string[] = [];
    for (const dir of dirs) {
      const objects = await renderKustomization(dir);
      const found = schemaProblems(objects);
      problems.push(...found.map((line) => `${dir}: ${line}`));
      console.log(`${found.length ? "✗" : "✓"} ${dir}: ${objects.length} objects`);
    }
    if (problems.length > 0) throw new Error(`invalid manifests:\n  ${problems.join("\n  ")}`);
  });
}
