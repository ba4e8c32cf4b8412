/** A local HTTP server on 127.0.0.1 that records what is POSTed to it and answers as told. */

/** One request the receiver got. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Headers;
  /** The raw body, as the signature covers it. */
  body: string;
}

/** How the receiver answers request number `index` (0 for the first). */
export type Respond = (
  request: ReceivedRequest,
  index: number,
  receiver: Receiver,
) => Response | Promise<Response>;

/** A running receiver. */
export interface Receiver {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: ReceivedRequest[];
  /** Requests answered so far (a hanging one is not). */
  answered: number;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number): Promise<void>;
  /** An answer that never comes, until {@link Receiver.close} (it then answers 503). */
  hang(): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export function startReceiver(respond: Respond): Receiver {
  const waiters: { count: number; resolve: () => void }[] = [];
  const hanging: (() => void)[] = [];
  const receiver: Receiver = {
    url: "",
    received: [],
    answered: 0,
    waitFor: (count) =>
      receiver.received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    hang: () =>
      new Promise((resolve) =>
        hanging.push(() => resolve(new Response("closing", { status: 503 })))
      ),
    close: async () => {
      for (const release of hanging.splice(0)) release();
      await server.shutdown();
    },
  };
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const request = {
      method: req.method,
      path: new URL(req.url).pathname,
      headers: req.headers,
      body: await req.text(),
    };
    const index = receiver.received.push(request) - 1;
    for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const response = await respond(request, index, receiver);
    receiver.answered++;
    return response;
  });
  receiver.url = `http://127.0.0.1:${server.addr.port}`;
  return receiver;
}
