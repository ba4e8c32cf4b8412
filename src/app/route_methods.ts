/** A routed path and the methods it answers. */
interface RoutedPath {
  pattern: RegExp;
  methods: string[];
}

/**
 * The methods the app answers per path, so a request with another method on a known path is
 * told 405 with `Allow` rather than 404 (RFC 9110). Built from Hono's route table, once every
 * route is mounted; middleware (method `ALL`) is left out.
 */
export function routeMethods(routes: readonly { path: string; method: string }[]) {
  const byPath = new Map<string, Set<string>>();
  for (const { path, method } of routes) {
    if (method === "ALL") continue;
    const methods = byPath.get(path) ?? new Set();
    byPath.set(path, methods.add(method));
  }
  const routed: RoutedPath[] = [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(
      `^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}$`,
    ),
    // Hono answers HEAD wherever it answers GET.
    methods: methods.has("GET") ? [...methods, "HEAD"] : [...methods],
  }));
  /** The methods `path` answers (none: an unknown path). */
  return (path: string): string[] => [
    ...new Set(routed.flatMap((r) => r.pattern.test(path) ? r.methods : [])),
  ];
}
