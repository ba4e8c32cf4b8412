/**
 * The product's import graph read from its sources, and the layering rules it must follow
 * (docs/architecture.md). Sources are read as text: every static import and re-export, every
 * literal dynamic `import()`, and the ways around them (a computed `import()`, a module named
 * by `new URL("….ts", import.meta.url)`) are edges, type-only imports included.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

/** One import: `from` and `to` are paths relative to the repository root. */
export interface ImportEdge {
  from: string;
  to: string;
  /** How it is written: `import`, `dynamic`, `computed` (an `import()` of an expression). */
  kind: "import" | "dynamic" | "computed";
}

/**
 * Layers, lowest first: a folder of `src/` may import its own layer and those below. Root
 * files of `src/` are the entries (`main.ts`, `deploy.ts` and what only they use).
 */
export const layers: readonly (readonly string[])[] = [
  ["domain", "shared"],
  ["ml", "dvc", "db", "kb", "gitops"],
  ["models"],
  ["serving", "pipeline", "monitor"],
  ["http"],
  ["routes"],
  ["app"],
  ["(entries)"],
];

/** Folders outside `src/` that `src/` never imports. */
export const toolingFolders = ["pipelines", "scripts", "bench", "tests"];

/** Files outside `src/` that it may read as modules: the product's version is deno.json's. */
const projectFiles = ["deno.json"];

/** Pairs of folders where the first never imports the second, whatever the layers allow. */
export const forbiddenPairs: readonly [string, string][] = [
  // Serving loads no tfjs and no training code (start-up time and memory).
  ["src/ml/inference", "src/ml/training"],
];

const blockComment = /\/\*[\s\S]*?\*\//g;
const lineComment = /^\s*\/\/.*$/gm;
const staticImport = /(?:^|[;\s])(?:import|export)\s[^;"'`]*?from\s*["']([^"']+)["']/g;
const sideEffectImport = /(?:^|[;\s])import\s*["']([^"']+)["']/g;
const literalDynamic = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const computedDynamic = /\bimport\(\s*(?!["'])[^)\s]/g;
const urlToModule = /new URL\(\s*["']([^"']+\.tsx?)["']\s*,\s*import\.meta\.url\s*\)/g;

/** The edges of one source file at `file` (repository-relative). */
export function importsOf(file: string, source: string): ImportEdge[] {
  const code = source.replace(blockComment, "").replace(lineComment, "");
  const edges: ImportEdge[] = [];
  const add = (specifier: string, kind: ImportEdge["kind"]) => {
    if (!specifier.startsWith(".")) return; // packages and built-ins
    edges.push({ from: file, to: normalize(join(dirname(file), specifier)), kind });
  };
  for (const pattern of [staticImport, sideEffectImport, urlToModule]) {
    for (const match of code.matchAll(pattern)) add(match[1], "import");
  }
  for (const match of code.matchAll(literalDynamic)) add(match[1], "dynamic");
  for (const _ of code.matchAll(computedDynamic)) {
    edges.push({ from: file, to: "(computed)", kind: "computed" });
  }
  return edges;
}

/** Every `.ts`/`.tsx` file under `dir` of the repository at `root`, repository-relative. */
export function sourceFiles(root: string, dir: string): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(join(root, path), { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name)) files.push(child);
    }
  };
  if (existsSync(join(root, dir))) walk(dir);
  return files.sort();
}

/** The import graph of `src/` in the repository at `root`. */
export function productImports(root: string): ImportEdge[] {
  return sourceFiles(root, "src").flatMap((file) =>
    importsOf(file, readFileSync(join(root, file), "utf8"))
  );
}

/** The top folder of a `src/` path (`src/serving/registry/x.ts` is `serving`). */
export function topFolder(path: string): string {
  const parts = relative("src", path).split("/");
  return parts.length === 1 ? "(entries)" : parts[0];
}

function layerOf(folder: string): number {
  return layers.findIndex((layer) => layer.includes(folder));
}

const isUnder = (path: string, folder: string) => path.startsWith(`${folder}/`);

/**
 * Every rule an edge set breaks, one line each: tooling imported by `src/`, an import up the
 * layers, a folder no layer names, a forbidden pair, a computed import, a folder's internals
 * reached past its `mod.ts` (`modFolders`: folders that have one), and a cycle between sibling
 * folders (checked in every folder: `ml` and `models`, `serving/registry` and
 * `serving/prediction_log` alike).
 */
export function violations(edges: readonly ImportEdge[], modFolders: readonly string[]): string[] {
  const found: string[] = [];
  for (const { from, to, kind } of edges) {
    const edge = `${from} -> ${to}`;
    if (kind === "computed") {
      found.push(`${from}: computed import() (hidden from the module graph)`);
      continue;
    }
    if (projectFiles.includes(to)) continue;
    if (!to.startsWith("src/")) {
      const tooling = toolingFolders.find((folder) => isUnder(to, folder));
      found.push(`${edge}: src/ imports ${tooling ?? "a path outside src/"}`);
      continue;
    }
    const source = topFolder(from), target = topFolder(to);
    const sourceLayer = layerOf(source), targetLayer = layerOf(target);
    if (sourceLayer < 0) found.push(`${from}: folder src/${source} is in no layer`);
    else if (targetLayer < 0) found.push(`${to}: folder src/${target} is in no layer`);
    else if (targetLayer > sourceLayer) {
      found.push(
        `${edge}: ${source} (layer ${sourceLayer}) imports ${target} (layer ${targetLayer})`,
      );
    }
    for (const [a, b] of forbiddenPairs) {
      if (isUnder(from, a) && isUnder(to, b)) found.push(`${edge}: ${a} never imports ${b}`);
    }
    for (const folder of modFolders) {
      if (isUnder(to, folder) && !isUnder(from, folder) && to !== `${folder}/mod.ts`) {
        found.push(`${edge}: outside ${folder}/, import its mod.ts`);
      }
    }
  }
  return [...found, ...folderCycles(edges)];
}

/** Cycles between sibling folders, each as `a -> b -> a`. */
function folderCycles(edges: readonly ImportEdge[]): string[] {
  // For each edge, the pair of sibling folders it joins below their deepest common folder.
  const graphs = new Map<string, Map<string, Set<string>>>();
  for (const { from, to, kind } of edges) {
    if (kind === "computed" || !to.startsWith("src/")) continue;
    const a = dirname(from).split("/"), b = dirname(to).split("/");
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    // Files of the common folder itself are its face, not a sibling: no cycle through them.
    if (common === a.length || common === b.length) continue;
    const parent = a.slice(0, common).join("/");
    const graph = graphs.get(parent) ?? new Map<string, Set<string>>();
    graphs.set(parent, graph);
    const targets = graph.get(a[common]) ?? new Set<string>();
    graph.set(a[common], targets.add(b[common]));
  }
  const cycles: string[] = [];
  for (const [parent, graph] of graphs) {
    for (const cycle of findCycles(graph)) {
      cycles.push(`folder cycle in ${parent}/: ${cycle.join(" -> ")}`);
    }
  }
  return cycles;
}

/** One cycle per strongly connected group of `graph`, found by depth-first search. */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      cycles.push([...path.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

/** Folders of `src/` that have a `mod.ts` (their public face). */
export function modFolders(root: string): string[] {
  return sourceFiles(root, "src").filter((file) => file.endsWith("/mod.ts")).map(dirname);
}
