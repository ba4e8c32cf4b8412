/**
 * What a program loads before it runs: `deno info`'s module graph followed through static
 * value imports only (type-only imports are erased; a dynamic `import()` loads later, when
 * it runs: the server's first-run build of missing models). The startup test keeps tfjs and
 * the pipeline out of the server's; the image build keeps only its packages.
 */

interface GraphModule {
  specifier: string;
  dependencies?: { code?: { specifier: string }; isDynamic?: boolean }[];
}

/** The specifiers of every module `entry` (relative to `cwd`) evaluates, itself included. */
export async function loadedModules(entry: string, cwd: string): Promise<string[]> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    throw new Error(`deno info ${entry} failed: ${new TextDecoder().decode(output.stderr)}`);
  }
  const graph = JSON.parse(new TextDecoder().decode(output.stdout));
  const modules = new Map<string, GraphModule>(
    graph.modules.map((m: GraphModule) => [m.specifier, m]),
  );
  const seen = new Set<string>();
  const pending: string[] = [...graph.roots];
  while (pending.length > 0) {
    const specifier = pending.pop()!;
    if (seen.has(specifier)) continue;
    seen.add(specifier);
    for (const dependency of modules.get(specifier)?.dependencies ?? []) {
      if (dependency.code && !dependency.isDynamic) pending.push(dependency.code.specifier);
    }
  }
  return [...seen];
}

/**
 * The npm package an `npm:` specifier names (`npm:/hono@4.13.19/cors` is "hono",
 * `npm:@scope/pkg@1` is "@scope/pkg"); undefined for any other specifier.
 */
export function npmPackageName(specifier: string): string | undefined {
  return /^npm:\/?((?:@[^/@]+\/)?[^/@]+)/.exec(specifier)?.[1];
}
