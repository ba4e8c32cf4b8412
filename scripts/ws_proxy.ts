/**
 * WebSocket-to-TCP proxy speaking the protocol of Neon's `wsproxy`, so the
 * `@neondatabase/serverless` driver can reach a plain Postgres in local dev and tests.
 * Only loopback targets are forwarded: this is a development tool, not a relay.
 *
 *   deno task db:proxy                      # listens on 127.0.0.1:5480
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *   DATABASE_WS_PROXY=127.0.0.1:5480 deno task start
 */
import { parseArgs } from "node:util";

const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** A running proxy; `close()` stops accepting and ends every open tunnel. */
export interface WsProxy {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the proxy on `hostname:port` (port 0 picks a free one). */
export function startWsProxy(
  { hostname = "127.0.0.1", port = 5480 }: { hostname?: string; port?: number } = {},
): WsProxy {
  const tunnels = new Set<Deno.TcpConn>();
  const server = Deno.serve({ hostname, port, onListen: () => {} }, (request) => {
    const target = parseTarget(new URL(request.url).searchParams.get("address"));
    if (!target) {
      return new Response("address must be a loopback host:port", { status: 400 });
    }
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const { socket, response } = Deno.upgradeWebSocket(request);
    socket.binaryType = "arraybuffer";
    tunnel(socket, target, tunnels);
    return response;
  });
  return {
    port: server.addr.port,
    close: async () => {
      for (const conn of tunnels) closeQuietly(conn);
      await server.shutdown();
    },
  };
}

function parseTarget(address: string | null): { hostname: string; port: number } | undefined {
  const match = address?.match(/^(.+):(\d{1,5})$/);
  if (!match || !loopbackHosts.has(match[1])) return undefined;
  return { hostname: match[1].replace(/^\[|\]$/g, ""), port: Number(match[2]) };
}

function tunnel(
  socket: WebSocket,
  target: { hostname: string; port: number },
  tunnels: Set<Deno.TcpConn>,
): void {
  // Frames can arrive before the TCP connection exists; chaining keeps them in order.
  const connecting = Deno.connect(target);
  let writes: Promise<unknown> = connecting;
  socket.onmessage = (event) => {
    const chunk = new Uint8Array(event.data as ArrayBuffer);
    writes = writes.then(() => connecting).then((conn) => writeAll(conn, chunk));
    writes.catch(() => socket.close());
  };
  connecting.then(async (conn) => {
    tunnels.add(conn);
    socket.onclose = () => closeQuietly(conn);
    if (socket.readyState === WebSocket.CLOSED) closeQuietly(conn);
    try {
      for await (const chunk of conn.readable) {
        if (socket.readyState !== WebSocket.OPEN) break;
        socket.send(chunk);
      }
    } catch {
      // The peer reset the connection; closing the socket below tells the client.
    } finally {
      tunnels.delete(conn);
      if (socket.readyState === WebSocket.OPEN) socket.close();
    }
  }, () => socket.close(1011, "cannot reach the database"));
}

async function writeAll(conn: Deno.TcpConn, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.length;) offset += await conn.write(chunk.subarray(offset));
}

function closeQuietly(conn: Deno.TcpConn): void {
  try {
    conn.close();
  } catch {
    // Already closed by the other side.
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "5480" },
    },
  });
  const proxy = startWsProxy({ hostname: values.host, port: Number(values.port) });
  console.log(`WebSocket-to-Postgres proxy listening on ${values.host}:${proxy.port}`);
}
