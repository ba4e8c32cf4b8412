/** A loopback HTTP server (port 0) serving a directory read-only, like a static DVC remote. */
import { join, normalize } from "node:path";

/** A running server; `close()` shuts it down. */
export interface TestServer {
  url: string;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1; `hang` names paths that never get an answer until close;
 * with `authorization`, a request without that exact header gets 401.
 */
export function serveDirectory(
  root: string,
  hang: (path: string) => boolean = () => false,
  authorization?: string,
) {
  const requests: string[] = [];
  const release = Promise.withResolvers<void>();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const path = decodeURIComponent(new URL(req.url).pathname);
    requests.push(path);
    if (authorization && req.headers.get("authorization") !== authorization) {
      return new Response("unauthorized", { status: 401 });
    }
    if (hang(path)) {
      await release.promise;
      return new Response("too late", { status: 503 });
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return new Response("forbidden", { status: 403 });
    try {
      return new Response(await Deno.readFile(file));
    } catch {
      return new Response("not found", { status: 404 });
    }
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    requests,
    async close() {
      release.resolve();
      await server.shutdown();
    },
  } satisfies TestServer;
}
